import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery, CfnUserPoolGroup, ClientAttributes, FeaturePlan, LambdaVersion, Mfa, OAuthScope, ResourceServerScope,
  StandardThreatProtectionMode, StringAttribute, UserPool, type UserPoolClient, UserPoolClientIdentityProvider, UserPoolEmail, UserPoolOperation, UserPoolResourceServer,
} from 'aws-cdk-lib/aws-cognito';
import { Effect, type IRole, Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { roles } from '../../functions/core/roles.js';
import { accessTokenSeconds, apiScope, passwordPolicy } from '../../functions/users/sign-in-policy.js';
import { isProduction, type DeploymentConfig } from '../config.js';
import { ApiFunction } from '../constructs/api-function.js';

/** The scope every API route requires (`pakt/api`): ID tokens (no scope) are never accepted as access tokens. */
const [apiResourceServerId = '', apiScopeName = ''] = apiScope.split('/');

/**
 * Sign-in: a Cognito user pool with one group per role and the organisation as
 * an admin-only custom attribute, the hosted UI, and the web app's client
 * (authorization code + PKCE, no secret).
 */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly hostedUiBaseUrl: string;

  constructor(scope: Construct, id: string, config: DeploymentConfig, props: StackProps) {
    super(scope, id, props);
    const keep = isProduction(config);

    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: { orgId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: passwordPolicy.minLength, requireLowercase: passwordPolicy.requireLowercase, requireUppercase: passwordPolicy.requireUppercase,
        requireDigits: passwordPolicy.requireDigits, requireSymbols: passwordPolicy.requireSymbols, tempPasswordValidity: Duration.days(passwordPolicy.temporaryPasswordDays),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: keep,
      removalPolicy: keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      ...(config.senderEmail ? { email: UserPoolEmail.withSES({ fromEmail: config.senderEmail, sesVerifiedDomain: config.senderEmail.split('@')[1] ?? '' }) } : {}),
      userInvitation: {
        emailSubject: 'Pakt: запрошення · invitation',
        emailBody: 'Вас запрошено до Pakt. Ім’я користувача: {username}, тимчасовий пароль: {####}<br>You are invited to Pakt. Username: {username}, temporary password: {####}',
      },
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason: 'TOTP is offered to everyone and required of coordinators and admins only (functions/users/sign-in-policy.ts): council officers in front-line communities often lack a second device, so the pool cannot require it for all. The pre-token trigger withholds the API scope from a coordinator or admin until their TOTP is enrolled (functions/identity/pre-token-generation.ts).',
    });

    const preToken = new ApiFunction(this, 'PreTokenGeneration', { entry: 'identity/pre-token-generation.ts', description: 'Adds the organisation to access tokens; withholds the API scope until a required second factor is enrolled', retainLogs: keep, access: {} });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, preToken.function, LambdaVersion.V2_0);
    // Its own policy, not the function's default one: the function must exist before the pool (its trigger), this grant only after.
    new Policy(this, 'PreTokenGenerationReadsMfa', {
      roles: [preToken.function.role as IRole],
      statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['cognito-idp:AdminGetUser'], resources: [this.userPool.userPoolArn] })],
    });

    for (const role of roles) {
      new CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role, description: `Pakt role ${role}` });
    }

    const apiScopeDefinition = new ResourceServerScope({ scopeName: apiScopeName, scopeDescription: 'Use the Pakt API' });
    const resourceServer = new UserPoolResourceServer(this, 'ApiResourceServer', { userPool: this.userPool, identifier: apiResourceServerId, scopes: [apiScopeDefinition] });

    const domain = this.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: config.cognitoDomainPrefix } });
    this.hostedUiBaseUrl = domain.baseUrl();

    this.webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        // COGNITO_ADMIN: the person's own account operations, used by the SPA to enrol an authenticator app.
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN, OAuthScope.resourceServer(resourceServer, apiScopeDefinition)],
        callbackUrls: config.webOrigins.map((origin) => `${origin}/auth/callback`),
        logoutUrls: config.webOrigins.map((origin) => `${origin}/`),
      },
      // The API refuses a disabled account within a minute whatever its token (functions/core/revocation.ts);
      // short access tokens bound what a stolen one is worth, and disabling signs the user out globally.
      accessTokenValidity: Duration.seconds(accessTokenSeconds),
      idTokenValidity: Duration.seconds(accessTokenSeconds),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      // The organisation is set by admins only: the client may read it, never write it.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
  }
}
