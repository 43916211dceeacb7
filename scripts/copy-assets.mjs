#!/usr/bin/env node
// Copies each library's assets/ folder (e.g. the official OpenAPI files a specification validates against) next to its
// compiled code, so that dist/libs/<lib>/assets/ mirrors libs/<lib>/assets/: code finds them relative to itself.
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

let copied = 0;
for (const library of readdirSync('libs')) {
  const assets = join('libs', library, 'assets');
  if (existsSync(assets)) {
    cpSync(assets, join('dist', 'libs', library, 'assets'), { recursive: true });
    copied++;
  }
}
console.log(`Copied the assets of ${copied} libraries into dist/libs`);
