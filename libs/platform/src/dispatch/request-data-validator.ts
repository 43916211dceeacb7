import { Injectable } from '@nestjs/common';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { EXTENSION_NAMES, EXTENSION_SCHEMAS, type ExtensionName } from '@app/contract';
import { MalformedRequestError } from '../errors/service-errors.js';

/**
 * Checks each call's `data` against the shape the identity server sends at that point (contract §4). The identity
 * server omits null fields, so the schemas only constrain types; a wrong type is a malformed call (HTTP 400), not a
 * business rejection. Validators are compiled once, at start-up, and stop at the first error so that the same bad
 * request always yields the same message.
 *
 * Tolerant reader: a field the identity server may omit is also accepted as `null` (a gateway in front, or a future
 * identity server, may send nulls), and is then absent for the handler. Only nulls the schema refuses are dropped;
 * a field whose schema allows null keeps it.
 */
@Injectable()
export class RequestDataValidator {
  private readonly validators: ReadonlyMap<ExtensionName, ValidateFunction>;
  /** The same schemas, reporting every error: used only after a failure, to find every refused null at once. */
  private readonly exhaustiveValidators: ReadonlyMap<ExtensionName, ValidateFunction>;

  constructor() {
    const firstError = new Ajv({ allErrors: false, strict: false, validateFormats: false });
    const everyError = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    this.validators = new Map(
      EXTENSION_NAMES.map((name) => [name, firstError.compile(EXTENSION_SCHEMAS[name].request)]),
    );
    this.exhaustiveValidators = new Map(
      EXTENSION_NAMES.map((name) => [name, everyError.compile(EXTENSION_SCHEMAS[name].request)]),
    );
  }

  check(extension: ExtensionName, data: unknown, requestId: string): void {
    const validate = this.validators.get(extension)!;
    if (validate(data)) {
      return;
    }
    if (this.dropRefusedNulls(extension, data) && validate(data)) {
      return;
    }
    const [first] = validate.errors ?? [];
    const where = first ? `data${first.instancePath.replaceAll('/', '.')}` : 'data';
    throw new MalformedRequestError(`${where} ${first?.message ?? 'is invalid'} (${extension})`, requestId);
  }

  /** Removes every object property whose value is a null the schema refuses; true when one was removed. */
  private dropRefusedNulls(extension: ExtensionName, data: unknown): boolean {
    const validate = this.exhaustiveValidators.get(extension)!;
    validate(data);
    let dropped = false;
    for (const error of validate.errors ?? []) {
      dropped = dropNullAt(data, error) || dropped;
    }
    return dropped;
  }
}

/** The instance path `/a/0/b` as keys; JSON Pointer escapes `~1` and `~0` undone. */
function pathKeys(instancePath: string): string[] {
  return instancePath === ''
    ? []
    : instancePath
        .slice(1)
        .split('/')
        .map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function dropNullAt(data: unknown, error: ErrorObject): boolean {
  if (error.keyword !== 'type') {
    return false;
  }
  const keys = pathKeys(error.instancePath);
  const property = keys.pop();
  let parent: unknown = data;
  for (const key of keys) {
    parent = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[key] : undefined;
  }
  // Only object properties: a null inside an array is an element, not an omitted field.
  if (property === undefined || typeof parent !== 'object' || parent === null || Array.isArray(parent)) {
    return false;
  }
  const record = parent as Record<string, unknown>;
  if (!Object.hasOwn(record, property) || record[property] !== null) {
    return false;
  }
  delete record[property];
  return true;
}
