import { Type, type Static } from '@sinclair/typebox';
import { AnyObject } from './json.js';

/* issue-refresh-token (contract §4.12) and validate-authorization-request (§4.13). */

export const RefreshTokenRequestSchema = Type.Object({
  grantType: Type.Optional(Type.String({ description: '`authorization_code` or `refresh_token`.' })),
  consentCreatedTime: Type.Optional(Type.Integer({ description: 'Epoch seconds.' })),
  consentValidityPeriod: Type.Optional(
    Type.Integer({ description: 'The stored validityTime: absolute epoch seconds, 0 = none.' }),
  ),
  defaultRefreshTokenValidityPeriod: Type.Optional(Type.Integer({ description: 'Often -1 (unassigned).' })),
});
export type RefreshTokenRequest = Static<typeof RefreshTokenRequestSchema>;

export const RefreshTokenSuccessSchema = Type.Object({
  issueRefreshToken: Type.Boolean({ description: 'Required by the caller.' }),
  refreshTokenValidityPeriod: Type.Optional(
    Type.Integer({ description: 'Documented by the YAML, ignored by the caller.' }),
  ),
});
export type RefreshTokenSuccess = Static<typeof RefreshTokenSuccessSchema>;

export const AuthorizationRequestValidationRequestSchema = Type.Object({
  requestObject: Type.Optional(AnyObject('The claims of the signed request object; times in epoch seconds.')),
});
export type AuthorizationRequestValidationRequest = Static<typeof AuthorizationRequestValidationRequestSchema>;
