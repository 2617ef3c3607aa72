/**
 * The signed-in person's own account at the identity provider: whether an
 * authenticator app protects their sign-in, and its enrolment. Cognito's user API
 * (AWS JSON 1.1, authorised by the person's access token with the own-account
 * scope); the local provider speaks the same (infra/local/own-account-api.ts).
 */
export class OwnAccountError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

export interface OwnAccount {
  /** Whether sign-in asks for an authenticator app's code. */
  secondFactorEnrolled(): Promise<boolean>;
  /** Starts an enrolment: the key the app is to hold. */
  startEnrolment(): Promise<string>;
  /** Confirms the enrolment with a code from the app and makes the app required at sign-in. Throws `wrong_code`. */
  confirmEnrolment(code: string): Promise<void>;
}

/** Cognito answers a wrong code at VerifySoftwareToken with EnableSoftwareTokenMFAException; CodeMismatchException elsewhere. */
const wrongCodeTypes = ['EnableSoftwareTokenMFAException', 'CodeMismatchException'];

export const ownAccount = (endpoint: string, accessToken: () => Promise<string | undefined>): OwnAccount => {
  const call = async <T>(operation: string, input: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify({ AccessToken: await accessToken(), ...input }),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      // Cognito may prefix the type with its namespace ("…#NotAuthorizedException").
      const type = String(body.__type ?? 'UnknownError').split('#').pop() ?? 'UnknownError';
      throw new OwnAccountError(wrongCodeTypes.includes(type) ? 'wrong_code' : type, String(body.message ?? `HTTP ${response.status}`));
    }
    return body as T;
  };

  return {
    async secondFactorEnrolled() {
      const user = await call<{ UserMFASettingList?: string[] }>('GetUser');
      return (user.UserMFASettingList ?? []).includes('SOFTWARE_TOKEN_MFA');
    },
    async startEnrolment() {
      const { SecretCode } = await call<{ SecretCode?: string }>('AssociateSoftwareToken');
      if (!SecretCode) throw new OwnAccountError('UnknownError', 'No key was offered.');
      return SecretCode;
    },
    async confirmEnrolment(code) {
      const { Status } = await call<{ Status?: string }>('VerifySoftwareToken', { UserCode: code, FriendlyDeviceName: 'Pakt' });
      if (Status !== 'SUCCESS') throw new OwnAccountError('wrong_code', 'The code was not accepted.');
      await call('SetUserMFAPreference', { SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    },
  };
};

/** What an authenticator app scans (the Key Uri Format Google Authenticator defined, which every app reads). */
export const authenticatorUri = (secret: string, email: string): string =>
  `otpauth://totp/${encodeURIComponent(`Pakt:${email}`)}?secret=${secret}&issuer=Pakt&algorithm=SHA1&digits=6&period=30`;
