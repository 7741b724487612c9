export declare function webIsStale(): boolean;
export declare function buildWeb(options?: { force?: boolean }): boolean;
