/**
 * How the identity server's user id becomes the bank's customer id. The identity server may qualify a user with its
 * tenant (`psu@wso2.com@carbon.super`) and its user store (`PRIMARY/psu@wso2.com`), while the bank knows the customer
 * as `psu@wso2.com`. Only the tenant domains the bank names are stripped, since an e-mail user name has an `@` of its
 * own that must stay.
 */
export interface CustomerIdMappingOptions {
  /** Tenant domains removed from the end of a user id (`@carbon.super`). */
  readonly tenantDomains: readonly string[];
  /** Remove a user-store prefix (`PRIMARY/`, `SECONDARY/`). */
  readonly stripUserStore: boolean;
}

export const IDENTITY_SERVER_USER_IDS: CustomerIdMappingOptions = { tenantDomains: [], stripUserStore: false };

export class CustomerIdMapping {
  constructor(private readonly options: CustomerIdMappingOptions) {}

  /** True when every user id is the customer id as it is. */
  get isIdentity(): boolean {
    return this.options.tenantDomains.length === 0 && !this.options.stripUserStore;
  }

  toCustomerId(userId: string): string {
    let customerId = userId;
    if (this.options.stripUserStore) {
      const slash = customerId.indexOf('/');
      customerId = slash > 0 ? customerId.slice(slash + 1) : customerId;
    }
    const tenant = this.options.tenantDomains.find((domain) =>
      customerId.toLowerCase().endsWith(`@${domain.toLowerCase()}`),
    );
    return tenant === undefined ? customerId : customerId.slice(0, customerId.length - tenant.length - 1);
  }
}
