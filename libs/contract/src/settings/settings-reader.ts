import { readFileSync } from 'node:fs';

/**
 * One reader for every setting of the service and of every specification module, so that all of them behave alike:
 * the same boolean words, the same error message (`NAME must be …, got "…"`), defaults stated once where the
 * setting is read, secrets also accepted from a file (`NAME_FILE`, as container platforms mount them), and a record
 * of every value read and where it came from, which `npm run config` prints.
 */

export type SettingsEnvironment = Readonly<Record<string, string | undefined>>;

/** Where a setting's value came from. */
export type SettingSource = 'environment' | 'file' | 'default' | 'unset';

export interface SettingRecord {
  readonly name: string;
  /** `service` or the id of the specification module that reads it. */
  readonly owner: string;
  readonly description: string;
  /** The value as a person reads it; secrets are masked. */
  readonly value: string;
  readonly source: SettingSource;
  readonly secret: boolean;
}

/** A value that stops the boot; the message names the setting, what it accepts and what it got. */
export class SettingError extends Error {
  override readonly name = 'SettingError';
}

/** The words every boolean setting accepts, case-insensitively. */
export const TRUE_WORDS = ['true', 'on', 'yes', '1'] as const;
export const FALSE_WORDS = ['false', 'off', 'no', '0'] as const;

interface Described {
  /** One line: what the setting does. */
  readonly description: string;
}

interface WithDefault<T> extends Described {
  readonly default: T;
}

interface TextOptions extends Described {
  readonly default?: string;
  /** A password, token or key: masked in the record, and also read from the file named by `NAME_FILE`. */
  readonly secret?: boolean;
}

/** The records of the settings read so far, shared by every reader made from one environment. */
export class SettingsCatalogue {
  private readonly records = new Map<string, SettingRecord>();

  add(record: SettingRecord): void {
    this.records.set(record.name, record);
  }

  all(): readonly SettingRecord[] {
    return [...this.records.values()];
  }
}

const MASK = '********';

export class SettingsReader {
  constructor(
    private readonly env: SettingsEnvironment,
    readonly owner = 'service',
    readonly catalogue = new SettingsCatalogue(),
  ) {}

  /** A reader for a specification module's own settings, recording into the same catalogue. */
  forOwner(owner: string): SettingsReader {
    return new SettingsReader(this.env, owner, this.catalogue);
  }

  /** A free text; `undefined` when unset and without default. */
  text(name: string, options: TextOptions): string | undefined {
    const found = this.raw(name, options.secret === true);
    const value = found?.value ?? options.default;
    const source: SettingSource = found?.source ?? (options.default === undefined ? 'unset' : 'default');
    this.record(name, options, value === undefined ? '' : options.secret === true ? MASK : value, source);
    return value;
  }

  /** A whole number from `min` to `max`. */
  integer(name: string, options: WithDefault<number> & { readonly min: number; readonly max: number }): number {
    return this.parsed(name, options, (raw) => {
      if (!/^\d+$/.test(raw) || Number(raw) < options.min || Number(raw) > options.max) {
        return this.invalid(name, `a whole number from ${options.min} to ${options.max}`, raw);
      }
      return Number(raw);
    });
  }

  /** A yes/no setting: `true`/`false`, `on`/`off`, `yes`/`no` or `1`/`0`, in any case. */
  boolean(name: string, options: WithDefault<boolean>): boolean {
    return this.parsed(name, options, (raw) => {
      const word = raw.toLowerCase();
      if ((TRUE_WORDS as readonly string[]).includes(word)) {
        return true;
      }
      if ((FALSE_WORDS as readonly string[]).includes(word)) {
        return false;
      }
      return this.invalid(name, 'true or false (also on/off, yes/no, 1/0)', raw);
    });
  }

  /** One of a fixed set of words; `ignoreCase` also takes them in any case. */
  oneOf<T extends string>(
    name: string,
    values: readonly T[],
    options: WithDefault<T> & { readonly ignoreCase?: boolean },
  ): T {
    return this.parsed(name, options, (raw) => {
      const found = values.find(
        (value) => value === raw || (options.ignoreCase === true && value.toLowerCase() === raw.toLowerCase()),
      );
      return found ?? this.invalid(name, `one of ${values.join(', ')}`, raw);
    });
  }

  /** A comma list without duplicates; `allowed` restricts the items. An empty list is refused. */
  list<T extends string = string>(
    name: string,
    options: WithDefault<readonly T[]> & {
      readonly allowed?: readonly T[];
      readonly item?: { readonly pattern: RegExp; readonly expected: string };
    },
  ): readonly T[] {
    const expectation = options.allowed
      ? `a comma list of ${options.allowed.join(', ')}`
      : `a comma list of ${options.item?.expected ?? 'values'}`;
    return this.parsed(
      name,
      { ...options, default: options.default },
      (raw) => {
        const items = [
          ...new Set(
            raw
              .split(',')
              .map((item) => item.trim())
              .filter((item) => item !== ''),
          ),
        ];
        const bad = items.find(
          (item) =>
            (options.allowed !== undefined && !(options.allowed as readonly string[]).includes(item)) ||
            (options.item !== undefined && !options.item.pattern.test(item)),
        );
        if (items.length === 0 || bad !== undefined) {
          return this.invalid(name, expectation, raw);
        }
        return items as T[];
      },
      (value) => value.join(','),
    );
  }

  /** An absolute URL with one of `protocols`, without trailing slashes; `undefined` when unset and without default. */
  url(
    name: string,
    options: Described & { readonly default?: string; readonly protocols?: readonly string[] },
  ): string | undefined {
    const protocols = options.protocols ?? ['https:', 'http:'];
    const found = this.raw(name, false);
    const raw = found?.value ?? options.default;
    this.record(name, options, raw ?? '', found?.source ?? (raw === undefined ? 'unset' : 'default'));
    if (raw === undefined) {
      return undefined;
    }
    const expectation = `an absolute ${protocols.map((protocol) => protocol.replace(/:$/, '')).join(' or ')} URL`;
    if (!URL.canParse(raw) || !protocols.includes(new URL(raw).protocol)) {
      return this.invalid(name, expectation, raw);
    }
    return raw.replace(/\/+$/, '');
  }

  /** Throws the one error shape of every setting. */
  invalid(name: string, expectation: string, got: string): never {
    throw new SettingError(`${name} must be ${expectation}, got "${got}"`);
  }

  private parsed<T>(
    name: string,
    options: WithDefault<T>,
    parse: (raw: string) => T,
    show: (value: T) => string = String,
  ): T {
    const found = this.raw(name, false);
    if (found === undefined) {
      this.record(name, options, show(options.default), 'default');
      return options.default;
    }
    const value = parse(found.value);
    this.record(name, options, show(value), found.source);
    return value;
  }

  /** The trimmed value of `name`, or of the file named by `NAME_FILE` for a secret; `undefined` when neither is set. */
  private raw(name: string, secret: boolean): { value: string; source: SettingSource } | undefined {
    // A secret keeps its spaces (a password may have them); any other value is trimmed.
    const direct = secret ? this.env[name] : this.env[name]?.trim();
    const file = secret ? this.env[`${name}_FILE`]?.trim() : undefined;
    if (direct && file) {
      throw new SettingError(`${name} and ${name}_FILE must not both be set`);
    }
    if (file) {
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (error) {
        throw new SettingError(
          `${name}_FILE must name a readable file, got "${file}" (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
        );
      }
      // Secret files usually end with a newline that is not part of the secret.
      const value = content.replace(/\r?\n$/, '');
      return value === '' ? undefined : { value, source: 'file' };
    }
    return direct ? { value: direct, source: 'environment' } : undefined;
  }

  private record(
    name: string,
    options: Described & { readonly secret?: boolean },
    value: string,
    source: SettingSource,
  ): void {
    this.catalogue.add({
      name,
      owner: this.owner,
      description: options.description,
      value,
      source,
      secret: options.secret === true,
    });
  }
}
