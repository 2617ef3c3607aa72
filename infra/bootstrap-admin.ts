import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { isoNow } from '../functions/core/clock.js';
import { newId } from '../functions/core/ids.js';
import { createDocumentClient } from '../functions/data/client.js';
import { newOrganisation } from '../functions/organisations/model.js';
import { organisationRepository } from '../functions/organisations/repository.js';
import { cognitoDirectory } from '../functions/users/directory.js';
import { userRepository } from '../functions/users/repository.js';

/**
 * Creates the first organisation and its admin in a deployed stage, through the
 * same repositories and Cognito directory the API uses. Run once after deploy:
 *   TABLE_NAME=… USER_POOL_ID=… AWS_REGION=… npm run bootstrap-admin -- \
 *     --email you@example.org --name "Your Name" --org-uk "Назва" --org-en "Name"
 */
const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, 'org-uk': { type: 'string' }, 'org-en': { type: 'string' }, 'org-type': { type: 'string', default: 'ngo' } },
});
const table = process.env.TABLE_NAME;
const userPoolId = process.env.USER_POOL_ID;
const { email, name } = values;
const orgUk = values['org-uk'];
const orgEn = values['org-en'];
if (!table || !userPoolId || !email || !name || !orgUk || !orgEn) {
  process.stderr.write('Set TABLE_NAME, USER_POOL_ID, AWS_REGION and pass --email, --name, --org-uk, --org-en (see the README).\n');
  process.exit(2);
}

const ctx = { table, client: createDocumentClient() };
const now = isoNow();
const organisation = newOrganisation({ name: { uk: orgUk, en: orgEn }, type: values['org-type'] === 'council' ? 'council' : 'ngo' }, newId(), now);
await organisationRepository(ctx).create(organisation);
const { userId } = await cognitoDirectory(new CognitoIdentityProviderClient({}), userPoolId).createUser({ email, name, orgId: organisation.id, role: 'admin' });
await userRepository(ctx).create({ id: userId, orgId: organisation.id, name, email: email.toLowerCase(), role: 'admin', status: 'active', version: 1, createdAt: now, updatedAt: now });
process.stdout.write(`Created organisation ${organisation.id} and admin ${email}; Cognito emailed the temporary password.\n`);
