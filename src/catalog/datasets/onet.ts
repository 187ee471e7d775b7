// Where the O*NET 30.1 database lives under the data folder (shared by the loaders that read it).
export const ONET_DIR = 'onet-30.1';
