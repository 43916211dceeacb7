import { PAYMENT_SERVICES, type PaymentService } from '../berlin-spec.options.js';

/*
 * The `consentResourcePath` of a Berlin Group call (contract §3.3): the XS2A path after the identity server's
 * `/api/fs/consent/manage/`, without a leading slash. `consents` (AIS), `consents/confirmation-of-funds` (PIIS) and
 * `{payment-service}/{payment-product}` (PIS), each followed by `/{id}` and optionally `/status` on later calls.
 */

export type BerlinResource =
  | { readonly service: 'ais'; readonly id?: string; readonly statusOnly: boolean }
  | { readonly service: 'piis'; readonly id?: string; readonly statusOnly: boolean }
  | {
      readonly service: 'pis';
      readonly paymentService: PaymentService;
      readonly paymentProduct: string;
      readonly id?: string;
      readonly statusOnly: boolean;
    };

const FUNDS_CONFIRMATION = 'confirmation-of-funds';

/** The resource a path addresses, or undefined for a path that is none of the Berlin consent resources. */
export function parseResourcePath(path: string | undefined): BerlinResource | undefined {
  const segments = (path ?? '')
    .split(/[?#]/)[0]
    .split('/')
    .filter((segment) => segment !== '');
  const statusOnly = segments.length > 0 && segments[segments.length - 1] === 'status';
  const [first, second, third, ...rest] = statusOnly ? segments.slice(0, -1) : segments;
  if (first === 'consents') {
    if (second === FUNDS_CONFIRMATION) {
      return rest.length === 0
        ? { service: 'piis', ...(third === undefined ? {} : { id: third }), statusOnly }
        : undefined;
    }
    return third === undefined
      ? { service: 'ais', ...(second === undefined ? {} : { id: second }), statusOnly }
      : undefined;
  }
  const paymentService = PAYMENT_SERVICES.find((service) => service === first);
  if (paymentService !== undefined && second !== undefined && rest.length === 0) {
    return {
      service: 'pis',
      paymentService,
      paymentProduct: second,
      ...(third === undefined ? {} : { id: third }),
      statusOnly,
    };
  }
  return undefined;
}
