// Types of schema-source.js for the TypeScript that imports it (the e2e test).
export declare const REPO_ROOT: string;
export declare const SCHEMA_FILES: string[];
export declare const SCHEMA_COMMAND: string;
export declare function schemaSource(document: object): Promise<string>;
export declare function schemaPath(file: string): string;
