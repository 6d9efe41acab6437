#!/usr/bin/env node
// `npx storepilot …`: loads the TypeScript entry point through tsx (no build step for the server).
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
