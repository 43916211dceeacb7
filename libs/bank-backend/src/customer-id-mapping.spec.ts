import { CustomerIdMapping } from './customer-id-mapping.js';

describe(CustomerIdMapping.name, () => {
  const mapping = new CustomerIdMapping({ tenantDomains: ['carbon.super', 'bank.example'], stripUserStore: true });

  it.each([
    ['psu@wso2.com@carbon.super', 'psu@wso2.com'],
    ['PRIMARY/psu@wso2.com@carbon.super', 'psu@wso2.com'],
    ['SECONDARY/psu@wso2.com', 'psu@wso2.com'],
    ['admin@CARBON.SUPER', 'admin'],
    ['psu@wso2.com', 'psu@wso2.com'],
    ['jane@bank.example', 'jane'],
    ['jane@other.example', 'jane@other.example'],
  ])('maps %s to %s', (userId, customerId) => {
    expect(mapping.toCustomerId(userId)).toBe(customerId);
  });

  it('keeps user ids as they are when nothing is configured', () => {
    const none = new CustomerIdMapping({ tenantDomains: [], stripUserStore: false });
    expect(none.isIdentity).toBe(true);
    expect(none.toCustomerId('PRIMARY/psu@wso2.com@carbon.super')).toBe('PRIMARY/psu@wso2.com@carbon.super');
  });
});
