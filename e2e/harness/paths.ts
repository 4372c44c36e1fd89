import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverEntry = path.join(repoRoot, 'server/dist/main.js');
export const clientDist = path.join(repoRoot, 'client/dist');
export const artifactsDir = path.join(repoRoot, 'e2e/artifacts');
