import { Injectable } from '@nestjs/common';
import { Ajv, type ValidateFunction } from 'ajv';
import { EXTENSION_NAMES, EXTENSION_SCHEMAS, type ExtensionName } from '@app/contract';
import { MalformedRequestError } from '../errors/service-errors.js';

/**
 * Checks each call's `data` against the shape the identity server sends at that point (contract §4). The identity
 * server omits null fields, so the schemas only constrain types; a wrong type is a malformed call (HTTP 400), not a
 * business rejection. Validators are compiled once, at start-up, and stop at the first error so that the same bad
 * request always yields the same message.
 */
@Injectable()
export class RequestDataValidator {
  private readonly validators: ReadonlyMap<ExtensionName, ValidateFunction>;

  constructor() {
    const ajv = new Ajv({ allErrors: false, strict: false, validateFormats: false });
    this.validators = new Map(EXTENSION_NAMES.map((name) => [name, ajv.compile(EXTENSION_SCHEMAS[name].request)]));
  }

  check(extension: ExtensionName, data: unknown, requestId: string): void {
    const validate = this.validators.get(extension)!;
    if (!validate(data)) {
      const [first] = validate.errors ?? [];
      const where = first ? `data${first.instancePath.replaceAll('/', '.')}` : 'data';
      throw new MalformedRequestError(`${where} ${first?.message ?? 'is invalid'} (${extension})`, requestId);
    }
  }
}
