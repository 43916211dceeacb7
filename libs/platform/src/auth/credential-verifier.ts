import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../config/app-config.js';

/** One way the identity server can prove who it is (contract §2.4). */
interface CredentialCheck {
  /** Undefined when the header is not of this kind; true/false once checked. */
  verify(authorization: string): Promise<boolean | undefined>;
}

const digest = (value: string | Buffer): Buffer => createHash('sha256').update(value).digest();

/** Compares digests so that neither the content nor the length of the secret leaks through timing. */
function constantTimeEquals(a: string | Buffer, b: string | Buffer): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Distinct accepted headers remembered: one per identity-server credential in use, a rotation's old and new. */
const ACCEPTED_HEADERS_KEPT = 16;

class BasicCredentialCheck implements CredentialCheck {
  /**
   * Headers already found right. The identity server sends the same header on every call, and checking it (a regular
   * expression, a Base64 decode, a SHA-256) was 4% of the service's CPU on every point (test/bench/README.md). A Set
   * lookup takes a time that depends on the header's length and on the process's randomly seeded string hash, not on
   * how much of an accepted header a guess shares; a refused header is never kept, so that guesses cannot fill it.
   */
  private readonly accepted = new Set<string>();
  /**
   * Digests of `user:password` as UTF-8 and as ISO-8859-1 bytes (which one the identity server's Base64 uses is not
   * documented), computed once: only the presented credentials are hashed per call.
   */
  private readonly expected: readonly Buffer[];
  constructor(user: string, password: string) {
    this.expected = [
      digest(Buffer.from(`${user}:${password}`, 'utf8')),
      digest(Buffer.from(`${user}:${password}`, 'latin1')),
    ];
  }
  verify(authorization: string): Promise<boolean | undefined> {
    if (this.accepted.has(authorization)) {
      return Promise.resolve(true);
    }
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
    if (!match) {
      return Promise.resolve(undefined);
    }
    const presented = digest(Buffer.from(match[1], 'base64'));
    // Both comparisons always run, so the timing does not tell which encoding matched.
    const matches = this.expected.map((candidate) => timingSafeEqual(presented, candidate));
    const right = matches.includes(true);
    if (right) {
      if (this.accepted.size >= ACCEPTED_HEADERS_KEPT) {
        this.accepted.clear();
      }
      this.accepted.add(authorization);
    }
    return Promise.resolve(right);
  }
}

/** The identity server's `OAuth2` mode sends a static configured token (contract §2.4, §6 #1). */
class StaticBearerCheck implements CredentialCheck {
  constructor(private readonly token: string) {}
  verify(authorization: string): Promise<boolean | undefined> {
    const token = bearerToken(authorization);
    return Promise.resolve(token === undefined ? undefined : constantTimeEquals(token, this.token));
  }
}

/** A bearer JWT (e.g. issued by the bank's gateway) verified against a JWKS: signature, issuer, audience, expiry. */
class JwtBearerCheck implements CredentialCheck {
  private readonly keys: JWTVerifyGetKey;
  constructor(
    jwksUrl: string,
    private readonly issuer: string | undefined,
    private readonly audience: string | undefined,
  ) {
    this.keys = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  }
  async verify(authorization: string): Promise<boolean | undefined> {
    const token = bearerToken(authorization);
    if (token === undefined || token.split('.').length !== 3) {
      return undefined;
    }
    try {
      await jwtVerify(token, this.keys, {
        ...(this.issuer ? { issuer: this.issuer } : {}),
        ...(this.audience ? { audience: this.audience } : {}),
        requiredClaims: ['exp'],
        clockTolerance: 30,
      });
      return true;
    } catch {
      return false;
    }
  }
}

function bearerToken(authorization: string): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
}

/** Accepts a request when any configured credential matches; with none configured every request is accepted. */
export class CredentialVerifier {
  private readonly checks: readonly CredentialCheck[];

  constructor(auth: AuthConfig) {
    const checks: CredentialCheck[] = [];
    if (auth.basic) {
      checks.push(new BasicCredentialCheck(auth.basic.user, auth.basic.password));
    }
    if (auth.bearerToken) {
      checks.push(new StaticBearerCheck(auth.bearerToken));
    }
    if (auth.jwt) {
      checks.push(new JwtBearerCheck(auth.jwt.jwksUrl, auth.jwt.issuer, auth.jwt.audience));
    }
    this.checks = checks;
  }

  get isOpen(): boolean {
    return this.checks.length === 0;
  }

  async verify(authorization: string | undefined): Promise<boolean> {
    if (this.isOpen) {
      return true;
    }
    if (!authorization) {
      return false;
    }
    for (const check of this.checks) {
      if ((await check.verify(authorization)) === true) {
        return true;
      }
    }
    return false;
  }
}
