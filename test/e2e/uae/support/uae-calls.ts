import type { ExtensionName } from '@app/contract';
import {
  checkExtensionResponse,
  isJsonRecord,
  type IdentityServerClient,
  type JsonRecord,
  type SimulatedExchange,
} from '@app/testing';

export interface CheckedCall {
  readonly httpStatus: number;
  readonly status: unknown;
  readonly errorCode: unknown;
  readonly data: JsonRecord;
}

/** One call as the identity server makes it, with the answer checked by the contract matcher. */
export async function callChecked(
  client: IdentityServerClient,
  extension: ExtensionName,
  data: unknown,
): Promise<CheckedCall> {
  const answer = await client.call(extension, data);
  expect(checkExtensionResponse(extension, answer.requestId, answer.httpStatus, answer.body)).toEqual([]);
  const body = isJsonRecord(answer.body) ? answer.body : {};
  return {
    httpStatus: answer.httpStatus,
    status: body.status,
    errorCode: body.errorCode,
    data: isJsonRecord(body.data) ? body.data : {},
  };
}

/** The value at a dotted path (`consent.Permissions`, `Errors.0.Code`), or undefined. */
export function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (Array.isArray(current)) {
      current = current[Number(key)];
    } else if (isJsonRecord(current)) {
      current = current[key];
    } else {
      return undefined;
    }
  }
  return current;
}

/** A change made to a copy of a fixture. */
export type Mutation = (copy: JsonRecord) => void;

function parentOf(root: JsonRecord, path: string): { parent: JsonRecord; key: string } {
  const keys = path.split('.');
  const key = keys.pop()!;
  const parent = keys.length === 0 ? root : at(root, keys.join('.'));
  if (!isJsonRecord(parent)) {
    throw new Error(`No object at ${keys.join('.')}`);
  }
  return { parent, key };
}

export const set =
  (path: string, value: unknown): Mutation =>
  (copy) => {
    const { parent, key } = parentOf(copy, path);
    parent[key] = value;
  };

export const remove =
  (path: string): Mutation =>
  (copy) => {
    const { parent, key } = parentOf(copy, path);
    delete parent[key];
  };

export const append =
  (path: string, value: unknown): Mutation =>
  (copy) => {
    const list = at(copy, path);
    if (!Array.isArray(list)) {
      throw new Error(`No array at ${path}`);
    }
    list.push(value);
  };

/** A deep copy of a fixture with the mutations applied in order. */
export function mutated(value: JsonRecord, ...mutations: Mutation[]): JsonRecord {
  const copy = structuredClone(value);
  mutations.forEach((mutate) => mutate(copy));
  return copy;
}

/** A simulator exchange, checked by the contract matcher and by the identity server's reaction; returns its body. */
export function checkedBody(exchange: SimulatedExchange): unknown {
  expect(checkExtensionResponse(exchange.extension, exchange.requestId, exchange.httpStatus, exchange.body)).toEqual(
    [],
  );
  expect(exchange.reaction.outcome === 'failed' ? exchange.reaction.description : 'usable').toBe('usable');
  return exchange.body;
}
