/** The consent a call is about, for the audit trail, wherever the identity server put it at that point (contract §4). */
export function consentIdOf(data: Record<string, unknown>): string | undefined {
  const candidates = [
    data['consentId'],
    (data['consentResource'] as Record<string, unknown> | undefined)?.['id'],
    (data['dataRequestPayload'] as Record<string, unknown> | undefined)?.['consentId'],
  ];
  const found = candidates.find((value): value is string => typeof value === 'string' && value.length > 0);
  return found?.slice(0, 255);
}
