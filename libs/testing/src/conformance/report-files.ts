import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ConformanceReport } from './conformance-report.js';
import { renderHtmlReport } from './html-report.js';
import { renderJUnitReport } from './junit-report.js';

export interface WrittenReport {
  readonly junit: string;
  readonly html: string;
}

/** Writes `junit.xml` and `report.html` into `directory` (created if needed) and returns their absolute paths. */
export async function writeReportFiles(report: ConformanceReport, directory: string): Promise<WrittenReport> {
  const folder = resolve(directory);
  await mkdir(folder, { recursive: true });
  const junit = join(folder, 'junit.xml');
  const html = join(folder, 'report.html');
  await writeFile(junit, renderJUnitReport(report), 'utf8');
  await writeFile(html, renderHtmlReport(report), 'utf8');
  return { junit, html };
}
