import type { AddressInfo } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@app/platform';
import { RecordingIdentityServerClient, type ExtensionCredentials } from '@app/testing';
import { ConsoleError } from '../http/console-errors.js';

/**
 * Builds identity-server clients that call this very service through its real HTTP endpoints, so that the console
 * shows exactly what the identity server would see: the same routes, authentication, body decoding and answers.
 * The service's own credentials are taken from its configuration here and never leave this class (the recording
 * client keeps only their kind).
 */
@Injectable()
export class SelfClientFactory {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** The root the service listens on, as this machine reaches it. */
  baseUrl(): string {
    const server: unknown = this.adapterHost.httpAdapter.getHttpServer();
    const address = (server as { address(): AddressInfo | string | null }).address();
    if (address === null || typeof address === 'string') {
      throw new ConsoleError(
        502,
        'The service is not listening',
        'The console can call the extension endpoints only once the service listens on a TCP port.',
      );
    }
    const scheme = this.config.tls ? 'https' : 'http';
    return `${scheme}://${reachableHost(address)}:${address.port}`;
  }

  client(spec: string): RecordingIdentityServerClient {
    return new RecordingIdentityServerClient({ baseUrl: this.baseUrl(), spec, credentials: this.credentials() });
  }

  private credentials(): ExtensionCredentials {
    const { basic, bearerToken, jwt } = this.config.auth;
    if (basic !== undefined) {
      return { kind: 'basic', username: basic.user, password: basic.password };
    }
    if (bearerToken !== undefined) {
      return { kind: 'bearer', token: bearerToken };
    }
    if (jwt !== undefined) {
      throw new ConsoleError(
        502,
        'The console cannot call this service',
        'The service accepts only JWTs signed by EXTENSION_JWKS_URL, which the console cannot issue. Also set EXTENSION_BASIC_USER/EXTENSION_BASIC_PASSWORD or EXTENSION_BEARER_TOKEN.',
      );
    }
    return { kind: 'none' };
  }
}

/** A wildcard listening address is reached through loopback; IPv6 literals need brackets in a URL. */
function reachableHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0') {
    return '127.0.0.1';
  }
  if (address.address === '::') {
    return '[::1]';
  }
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}
