// Types of redocly.js for the TypeScript that imports it (the e2e test of the lint rules).
export declare function redoclyLint(file: string, format: 'stylish' | 'json'): { status: number; stdout: string; stderr: string };
