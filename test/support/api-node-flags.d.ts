/** The Node flags of `npm run start:prod` (heap caps), for every launcher of the API. */
export declare const API_NODE_FLAGS: string[];
