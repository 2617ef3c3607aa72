import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { optionalEnv } from '../core/config.js';
import { AppError } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import { claimNames } from '../core/actor.js';
import { hashPassword, localAccountStore } from './local-accounts.js';
import { passwordPolicy } from './sign-in-policy.js';
import { traced } from '../core/tracer.js';

/**
 * The identity provider's user administration, behind one port: Cognito on AWS,
 * the local OpenID provider's account store on one machine.
 */
export interface NewDirectoryUser {
  email: string;
  name: string;
  orgId: string;
  role: Role;
}

export interface IdentityDirectory {
  /** Creates the sign-in account and sends the invitation. Throws `already_exists` for a taken email. */
  createUser(user: NewDirectoryUser): Promise<{ userId: string }>;
  /** Disabling also signs the user out everywhere: no refresh token of theirs issues tokens again. */
  setEnabled(userId: string, enabled: boolean): Promise<void>;
  /** Undoes `createUser` when the profile could not be stored. */
  deleteUser(userId: string): Promise<void>;
}

const emailTaken = (): AppError => new AppError('already_exists', 'A user with this email already exists.');

export const cognitoDirectory = (client: CognitoIdentityProviderClient, userPoolId: string): IdentityDirectory => ({
  async createUser({ email, name, orgId, role }) {
    try {
      const { User } = await client.send(
        new AdminCreateUserCommand({
          UserPoolId: userPoolId,
          Username: email,
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: name },
            { Name: claimNames.orgId, Value: orgId },
          ],
        }),
      );
      const userId = User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
      if (!userId) throw new Error('Cognito returned no sub for the new user');
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: userId, GroupName: role }));
      return { userId };
    } catch (error) {
      if (error instanceof UsernameExistsException) throw emailTaken();
      throw error;
    }
  },
  async setEnabled(userId, enabled) {
    const input = { UserPoolId: userPoolId, Username: userId };
    if (enabled) return void (await client.send(new AdminEnableUserCommand(input)));
    await client.send(new AdminDisableUserCommand(input));
    await client.send(new AdminUserGlobalSignOutCommand(input));
  },
  async deleteUser(userId) {
    await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: userId }));
  },
});

/** Locally the invitation (with its temporary password) is written to the outbox folder. */
export const localDirectory = (accountsFile: string, outboxDir: string | undefined): IdentityDirectory => {
  const accounts = localAccountStore(accountsFile);
  return {
    async createUser({ email, name, orgId, role }) {
      const temporaryPassword = randomBytes(12).toString('base64url');
      // Like Cognito: the temporary password works once, to choose a new one, and only for a week.
      const expiresAt = new Date(Date.now() + passwordPolicy.temporaryPasswordDays * 86_400_000).toISOString();
      const account = await accounts.add({ email, name, orgId, groups: [role], passwordHash: await hashPassword(temporaryPassword), disabled: false, temporaryPasswordExpiresAt: expiresAt });
      if (!account) throw emailTaken();
      if (outboxDir) {
        await mkdir(outboxDir, { recursive: true });
        const message = {
          to: email,
          subject: 'Pakt: your invitation',
          text: `Sign in to Pakt with ${email} and the temporary password ${temporaryPassword} before ${expiresAt.slice(0, 16).replace('T', ' ')} UTC; you will then choose your own password.`,
        };
        await writeFile(join(outboxDir, `${new Date().toISOString().replaceAll(':', '-')}-invitation-${account.sub}.json`), JSON.stringify(message, null, 2), { mode: 0o600 });
      }
      return { userId: account.sub };
    },
    async setEnabled(userId, enabled) {
      await accounts.update(userId, enabled ? { disabled: false } : { disabled: true, signedOutAt: new Date().toISOString() });
    },
    async deleteUser(userId) {
      await accounts.remove(userId);
    },
  };
};

/** Chosen by configuration alone: USER_POOL_ID on AWS, LOCAL_ACCOUNTS_FILE on one machine. */
export const configuredDirectory = (): IdentityDirectory => {
  const userPoolId = optionalEnv('USER_POOL_ID');
  if (userPoolId) return cognitoDirectory(traced(new CognitoIdentityProviderClient({})), userPoolId);
  const accountsFile = optionalEnv('LOCAL_ACCOUNTS_FILE');
  if (accountsFile) return localDirectory(accountsFile, optionalEnv('OUTBOX_DIR'));
  throw new Error('Set USER_POOL_ID (Cognito) or LOCAL_ACCOUNTS_FILE (local provider) for user administration.');
};
