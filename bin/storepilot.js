#!/usr/bin/env node
// `storepilot …` / `npx storepilot …` / `npm start`: loads the TypeScript entry point through tsx
// (no build step for the server).
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// Set before anything is loaded: V8 then keeps smaller heap spaces, which takes about 60 MB off the
// idle server (docs/benchmarks.md has the figures). Bulk imports and sustained request load switch
// back to V8's default mode while they last, as it spends less CPU on heavy work
// (src/platform/runtime/v8-memory-mode.ts, which reads the variable recorded here).
if (process.env.STOREPILOT_V8_OPTIMIZE_FOR !== 'speed') {
  setFlagsFromString('--optimize-for-size');
  process.env.STOREPILOT_V8_MEMORY_MODE = 'lean';
}

register();
await import('../src/main.ts');
