import { SettingError, SettingsReader } from './settings-reader.js';

describe(SettingsReader.name, () => {
  it('reads lists without duplicates, restricted to the allowed items', () => {
    const settings = new SettingsReader({ L: ' a, b ,a ', BAD: 'a,z' });
    expect(settings.list('L', { default: [], allowed: ['a', 'b'], description: 'd' })).toEqual(['a', 'b']);
    expect(() => settings.list('BAD', { default: [], allowed: ['a', 'b'], description: 'd' })).toThrow(
      new SettingError('BAD must be a comma list of a, b, got "a,z"'),
    );
    expect(settings.list('UNSET', { default: ['x'], description: 'd' })).toEqual(['x']);
  });

  it('takes a word of a fixed set exactly, or in any case when asked', () => {
    const settings = new SettingsReader({ MODE: 'redirect' });
    expect(() => settings.oneOf('MODE', ['REDIRECT', 'EMBEDDED'], { default: 'EMBEDDED', description: 'd' })).toThrow(
      'MODE must be one of REDIRECT, EMBEDDED, got "redirect"',
    );
    expect(
      settings.oneOf('MODE', ['REDIRECT', 'EMBEDDED'], { default: 'EMBEDDED', ignoreCase: true, description: 'd' }),
    ).toBe('REDIRECT');
  });

  it('reads URLs without their trailing slashes, refusing other protocols', () => {
    const settings = new SettingsReader({ U: 'https://bank.example/api//', F: 'ftp://bank.example' });
    expect(settings.url('U', { description: 'd' })).toBe('https://bank.example/api');
    expect(() => settings.url('F', { description: 'd' })).toThrow(
      'F must be an absolute https or http URL, got "ftp://bank.example"',
    );
  });

  it('records the settings of a module under its own name, in the shared catalogue', () => {
    const service = new SettingsReader({ X_ON: 'yes' });
    service.forOwner('mybank').boolean('X_ON', { default: false, description: 'd' });
    expect(service.catalogue.all()).toEqual([
      { name: 'X_ON', owner: 'mybank', description: 'd', value: 'true', source: 'environment', secret: false },
    ]);
  });
});
