/**
 * Whether the customer approved. The identity server sends `isApproved`, and the confirm page's `approval` as the
 * string "true" or "false"; either saying no is a denial, and a decision neither states is a denial too.
 */
export function customerApproved(isApproved: boolean | undefined, approval: string | boolean | undefined): boolean {
  const approvalFlag = typeof approval === 'string' ? booleanText(approval) : approval;
  if (isApproved === false || approvalFlag === false) {
    return false;
  }
  return isApproved === true || approvalFlag === true;
}

function booleanText(text: string): boolean | undefined {
  const normalised = text.trim().toLowerCase();
  return normalised === 'true' ? true : normalised === 'false' ? false : undefined;
}
