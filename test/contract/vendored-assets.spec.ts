import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * Upstream files (the published accelerator contract, the standards' OpenAPI files and code lists) are vendored
 * unmodified under `<library>/assets/`, each with a record in that folder's `provenance.json`: where the bytes came
 * from, which version, when, and their SHA-256. The repository stands alone: this test checks the bytes against the
 * recorded hash, never against a copy outside the repository.
 */

interface ProvenanceRecord {
  readonly file: string;
  readonly source: string;
  readonly path: string;
  readonly commit: string | null;
  readonly version: string;
  readonly licence: string;
  readonly retrieved: string;
  readonly sha256: string;
}

const ROOTS = ['libs', 'examples'];

function assetFolders(): string[] {
  return ROOTS.flatMap((root) => {
    let entries: string[];
    try {
      entries = readdirSync(root);
    } catch {
      return [];
    }
    return entries
      .map((entry) => join(root, entry, 'assets'))
      .filter((folder) => statSync(folder, { throwIfNoEntry: false })?.isDirectory());
  });
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .filter((file) => file !== 'provenance.json')
    .sort();
}

function recordsOf(folder: string): ProvenanceRecord[] {
  return (JSON.parse(readFileSync(join(folder, 'provenance.json'), 'utf8')) as { files: ProvenanceRecord[] }).files;
}

const folders = assetFolders();

describe('vendored upstream files', () => {
  it('are kept in asset folders that each carry a provenance record', () => {
    expect(folders.length).toBeGreaterThanOrEqual(4);
    for (const folder of folders) {
      expect({ folder, records: recordsOf(folder).length > 0 }).toEqual({ folder, records: true });
    }
  });

  describe.each(folders)('%s', (folder) => {
    const records = recordsOf(folder);

    it('records every file of the folder, and only files that exist', () => {
      expect(records.map((record) => record.file).sort()).toEqual(filesUnder(folder));
    });

    it.each(records.map((record) => [record.file, record] as const))(
      '%s has its recorded SHA-256 and a complete record',
      (file, record) => {
        const digest = createHash('sha256')
          .update(readFileSync(join(folder, file)))
          .digest('hex');
        expect(digest).toBe(record.sha256);
        expect(record.source.length).toBeGreaterThan(0);
        expect(record.version.length).toBeGreaterThan(0);
        expect(record.licence.length).toBeGreaterThan(0);
        expect(record.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      },
    );
  });
});
