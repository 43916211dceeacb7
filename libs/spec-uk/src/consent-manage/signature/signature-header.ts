import { base64url } from 'jose';
import type { JsonObject } from '@app/contract';
import { isJsonObject } from '../../shared/json.js';
import { UkErrorCode, ukRejection, type UkRejection } from '../../shared/uk-error.js';

export const OB_IAT = 'http://openbanking.org.uk/iat';
export const OB_ISS = 'http://openbanking.org.uk/iss';
export const OB_TAN = 'http://openbanking.org.uk/tan';

/** The `crit` of v3.1.4 and later: exactly these three claims, and no `b64` (§A.8). */
export const REQUIRED_CRIT = [OB_IAT, OB_ISS, OB_TAN] as const;

/** A detached JWS split into its parts, with its protected header decoded. */
export interface DetachedSignature {
  readonly protectedHeader: string;
  readonly signature: string;
  readonly header: JsonObject;
}

const MAX_SIGNATURE_LENGTH = 16_384;

function malformed(message: string): UkRejection {
  return ukRejection(400, UkErrorCode.SignatureMalformed, message, 'x-jws-signature');
}

/** `<b64url(header)>..<b64url(signature)>`: a compact JWS whose payload part is removed (RFC 7515 Appendix F). */
export function parseDetachedSignature(value: string): DetachedSignature | UkRejection {
  const parts = value.length > MAX_SIGNATURE_LENGTH ? [] : value.trim().split('.');
  if (parts.length !== 3 || parts[1] !== '' || parts[0] === '' || parts[2] === '') {
    return malformed('x-jws-signature must be a detached JWS: <protected header>..<signature>');
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(parts[0])));
  } catch {
    return malformed('The protected header of x-jws-signature is not base64url-encoded JSON');
  }
  if (!isJsonObject(header)) {
    return malformed('The protected header of x-jws-signature is not a JSON object');
  }
  return { protectedHeader: parts[0], signature: parts[2], header };
}

export interface HeaderRulesContext {
  readonly nowMillis: number;
  readonly trustAnchor: string;
}

function missing(claim: string): UkRejection {
  return ukRejection(400, UkErrorCode.SignatureMissingClaim, `The JOSE header has no ${claim}`, claim);
}

function invalid(claim: string, message: string): UkRejection {
  return ukRejection(400, UkErrorCode.SignatureInvalidClaim, message, claim);
}

/**
 * The JOSE header rules of v3.1.4 and later (§A.8), in the standard's order: a missing mandatory claim is
 * Signature.MissingClaim (Path = the claim), a wrong value Signature.InvalidClaim.
 */
export function headerRejection(
  header: JsonObject,
  { nowMillis, trustAnchor }: HeaderRulesContext,
): UkRejection | undefined {
  const mandatory = ['alg', 'kid', 'crit', OB_IAT, OB_ISS, OB_TAN];
  const absent = mandatory.find((claim) => !Object.hasOwn(header, claim));
  if (absent !== undefined) {
    return missing(absent);
  }
  if (header['alg'] !== 'PS256') {
    return invalid('alg', `alg must be PS256, got ${JSON.stringify(header['alg'])}`);
  }
  if (typeof header['kid'] !== 'string' || header['kid'] === '') {
    return invalid('kid', 'kid must be a non-empty string');
  }
  if (Object.hasOwn(header, 'b64')) {
    return invalid('b64', 'b64 must not be present since v3.1.4: the payload is base64url-encoded');
  }
  const crit = header['crit'];
  if (
    !Array.isArray(crit) ||
    crit.length !== REQUIRED_CRIT.length ||
    !REQUIRED_CRIT.every((claim) => crit.includes(claim))
  ) {
    return invalid('crit', `crit must be exactly ${JSON.stringify(REQUIRED_CRIT)}`);
  }
  if (Object.hasOwn(header, 'typ') && header['typ'] !== 'JOSE') {
    return invalid('typ', 'typ, when present, must be JOSE');
  }
  if (Object.hasOwn(header, 'cty') && header['cty'] !== 'json' && header['cty'] !== 'application/json') {
    return invalid('cty', 'cty, when present, must be json or application/json');
  }
  const issuedAt = header[OB_IAT];
  if (typeof issuedAt !== 'number' || !Number.isFinite(issuedAt) || issuedAt * 1000 > nowMillis) {
    return invalid(OB_IAT, `${OB_IAT} must be a number of epoch seconds in the past`);
  }
  if (typeof header[OB_ISS] !== 'string' || header[OB_ISS] === '') {
    return invalid(OB_ISS, `${OB_ISS} must name the TPP`);
  }
  if (header[OB_TAN] !== trustAnchor) {
    return invalid(OB_TAN, `${OB_TAN} must be ${trustAnchor}`);
  }
  return undefined;
}
