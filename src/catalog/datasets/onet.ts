// Where the O*NET 30.1 database lives under the data folder (shared with the O*NET titles loader).
export const ONET_DIR = 'onet-30.1';
