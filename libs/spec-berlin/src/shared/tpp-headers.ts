import { isIP } from 'node:net';
import { berlinError, type BerlinError } from './tpp-messages.js';
import { headerValue } from '@app/contract';

/** Header names are case-insensitive: the shared lookup (see @app/contract). */
export { headerValue };

/*
 * TPP request headers (§B.2). The identity server forwards them under the names of its allow-list, in whatever case
 * the integrator wrote there, so every lookup is case-insensitive.
 */

export type HeaderMap = Readonly<Record<string, string>>;

export const TppHeader = {
  RequestId: 'X-Request-ID',
  PsuIpAddress: 'PSU-IP-Address',
  PsuId: 'PSU-ID',
  RedirectPreferred: 'TPP-Redirect-Preferred',
  RedirectUri: 'TPP-Redirect-URI',
  NokRedirectUri: 'TPP-Nok-Redirect-URI',
  ExplicitAuthorisationPreferred: 'TPP-Explicit-Authorisation-Preferred',
  Digest: 'Digest',
  Signature: 'Signature',
  SignatureCertificate: 'TPP-Signature-Certificate',
  ConsentId: 'Consent-ID',
} as const;

const FORWARDED = [
  TppHeader.RequestId,
  TppHeader.PsuIpAddress,
  TppHeader.PsuId,
  TppHeader.RedirectPreferred,
  TppHeader.RedirectUri,
  TppHeader.NokRedirectUri,
  TppHeader.ExplicitAuthorisationPreferred,
  TppHeader.Digest,
  TppHeader.Signature,
  TppHeader.SignatureCertificate,
];

/**
 * The headers the identity server must forward to the consent-manage points (`manage_extension.allowed_headers`,
 * besides `x-wso2-client-id`). Its allow-list compares names exactly, case included, and gateways often lower-case
 * header names, so both spellings are listed; this module reads either.
 */
export const MANAGE_EXTENSION_HEADERS: readonly string[] = FORWARDED.flatMap((name) => [name, name.toLowerCase()]);

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const MAX_PSU_ID_LENGTH = 255;

const formatError = (header: string, text: string): BerlinError => berlinError(400, 'FORMAT_ERROR', text, header);

/** `X-Request-ID`: required on every call, a 36-character UUID. */
export function requestIdHeaderError(headers: HeaderMap | undefined): BerlinError | undefined {
  const value = headerValue(headers, TppHeader.RequestId);
  if (value === undefined || value.trim() === '') {
    return formatError(TppHeader.RequestId, "Header 'x-request-id' is missing");
  }
  return UUID.test(value.trim())
    ? undefined
    : formatError(
        TppHeader.RequestId,
        "Header 'x-request-id' has to be represented by standard 36-char UUID representation",
      );
}

function booleanHeaderError(headers: HeaderMap | undefined, name: string): BerlinError | undefined {
  const value = headerValue(headers, name);
  if (value === undefined || /^(true|false)$/i.test(value.trim())) {
    return undefined;
  }
  return formatError(name, `Header '${name.toLowerCase()}' should be a boolean`);
}

function uriHeaderError(headers: HeaderMap | undefined, name: string): BerlinError | undefined {
  const value = headerValue(headers, name);
  if (value === undefined) {
    return undefined;
  }
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? undefined
      : formatError(name, `Header '${name.toLowerCase()}' is not a valid http(s) URI`);
  } catch {
    return formatError(name, `Header '${name.toLowerCase()}' is not a valid URI`);
  }
}

export function isTrueHeader(headers: HeaderMap | undefined, name: string): boolean {
  return headerValue(headers, name)?.trim().toLowerCase() === 'true';
}

/** `PSU-IP-Address`: present on the calls that need it, an IPv4 (or, as adorsys accepts, IPv6) address. */
export function psuIpAddressError(headers: HeaderMap | undefined, required: boolean): BerlinError | undefined {
  const value = headerValue(headers, TppHeader.PsuIpAddress);
  if (value === undefined || value.trim() === '') {
    return required ? formatError(TppHeader.PsuIpAddress, "Header 'psu-ip-address' is missing") : undefined;
  }
  return isIP(value.trim()) === 0
    ? formatError(TppHeader.PsuIpAddress, "Header 'psu-ip-address' has to be an IPv4 or IPv6 address")
    : undefined;
}

/** Digest, Signature and the signing certificate come together (§B.2). */
function signatureHeadersError(headers: HeaderMap | undefined): BerlinError | undefined {
  const digest = headerValue(headers, TppHeader.Digest) !== undefined;
  const signature = headerValue(headers, TppHeader.Signature) !== undefined;
  const certificate = headerValue(headers, TppHeader.SignatureCertificate) !== undefined;
  if (digest && !signature) {
    return berlinError(401, 'SIGNATURE_MISSING', 'Digest was sent without a Signature', TppHeader.Signature);
  }
  if (signature && !digest) {
    return berlinError(401, 'SIGNATURE_INVALID', 'A Signature was sent without a Digest', TppHeader.Digest);
  }
  if (signature && !certificate) {
    return berlinError(
      401,
      'CERTIFICATE_MISSING',
      'A Signature was sent without TPP-Signature-Certificate',
      TppHeader.SignatureCertificate,
    );
  }
  return undefined;
}

/**
 * The headers of a consent or payment initiation (POST): X-Request-ID, PSU-IP-Address, the redirect preferences and
 * URIs, PSU-ID and the signing headers, in that order (the first problem is reported).
 */
export function initiationHeadersError(
  headers: HeaderMap | undefined,
  redirectApproach: boolean,
): BerlinError | undefined {
  const first =
    requestIdHeaderError(headers) ??
    psuIpAddressError(headers, true) ??
    booleanHeaderError(headers, TppHeader.RedirectPreferred) ??
    booleanHeaderError(headers, TppHeader.ExplicitAuthorisationPreferred) ??
    uriHeaderError(headers, TppHeader.RedirectUri) ??
    uriHeaderError(headers, TppHeader.NokRedirectUri);
  if (first !== undefined) {
    return first;
  }
  if (
    redirectApproach &&
    isTrueHeader(headers, TppHeader.RedirectPreferred) &&
    headerValue(headers, TppHeader.RedirectUri) === undefined
  ) {
    return formatError(TppHeader.RedirectUri, "Header 'tpp-redirect-uri' is required for the redirect approach");
  }
  const psuId = headerValue(headers, TppHeader.PsuId);
  if (psuId !== undefined && (psuId.trim() === '' || psuId.length > MAX_PSU_ID_LENGTH)) {
    return formatError(TppHeader.PsuId, 'Please provide the PSU identification data');
  }
  return signatureHeadersError(headers);
}
