#!/usr/bin/env node
// Adds lock entries for platform-specific optional packages that the npm registry reachable here does not serve
// (it answers 404 for, e.g., the Android and Windows builds of @unrs/resolver-binding-*). npm install then leaves
// them out of package-lock.json, and `npm ci` refuses the lock as "not in sync". Each stub carries the package's
// os/cpu, so npm skips it on every other platform exactly as it would skip the real entry.
// Run after changing dependencies: `npm install && node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const PLATFORM =
  /-(android|darwin|freebsd|linux|openharmony|win32)-(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x)(?:-|$)/;

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    const platform = PLATFORM.exec(name);
    if (packages[nested] || packages[hoisted] || !platform) {
      continue;
    }
    packages[hoisted] = {
      version,
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      os: [platform[1]],
      cpu: [platform[2]],
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${LOCK}: added ${added} platform-specific optional entries`);
