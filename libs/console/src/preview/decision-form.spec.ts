import { selectionFromForm } from './decision-form.js';

describe('The consent page form', () => {
  const withPermissions = {
    consentData: {
      type: 'accounts',
      permissions: [
        { uid: 'p-1', displayValues: ['Balances'] },
        { uid: 'p-2', displayValues: ['Transactions'] },
      ],
    },
  };

  it('reads each permission its accounts, by uid, leaving out a permission with none', () => {
    expect(
      selectionFromForm(withPermissions, {
        'permission-0': ['Salary Saver', 'Max Bonus'],
        'permission-1': '',
        decision: 'approve',
      }),
    ).toEqual({
      perPermission: { 'p-1': ['Salary Saver', 'Max Bonus'] },
    });
  });

  it('reads the consent-level accounts when there are no permissions', () => {
    expect(selectionFromForm({ consentData: { type: 'payments' } }, { accounts: 'Max Bonus' })).toEqual({
      forConsent: ['Max Bonus'],
    });
    expect(selectionFromForm({ consentData: { type: 'payments' } }, {})).toEqual({ forConsent: [] });
  });
});
