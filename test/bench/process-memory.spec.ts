import { parseProcStatus, readProcessMemory } from './process-memory.js';

const STATUS = [
  'Name:\tnode',
  'VmPeak:\t 1200000 kB',
  'VmHWM:\t  204800 kB',
  'VmRSS:\t  153600 kB',
  'Threads:\t11',
].join('\n');

describe('parseProcStatus', () => {
  it('reads VmRSS and VmHWM in bytes', () => {
    expect(parseProcStatus(STATUS)).toEqual({ rssBytes: 153600 * 1024, peakRssBytes: 204800 * 1024 });
  });

  it('gives nothing when a field is missing', () => {
    expect(parseProcStatus('Name:\tnode\nVmRSS:\t 10 kB')).toBeUndefined();
  });
});

describe('readProcessMemory', () => {
  it('reads this process on Linux, and nothing for a process that does not exist', async () => {
    const own = await readProcessMemory(process.pid);
    if (process.platform === 'linux') {
      expect(own?.rssBytes).toBeGreaterThan(0);
      expect(own!.peakRssBytes).toBeGreaterThanOrEqual(own!.rssBytes);
    }
    await expect(readProcessMemory(2 ** 22 + 1)).resolves.toBeUndefined();
  });
});
