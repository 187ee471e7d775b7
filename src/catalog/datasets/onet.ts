// O*NET 30.1 (USDOL/ETA) lives in this folder under the data folder.
export const ONET_DIR = 'onet-30.1';
