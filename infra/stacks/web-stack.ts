import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { edgeHeaders } from '../../functions/core/viewer.js';
import { apiScope, ownAccountScope } from '../../functions/users/sign-in-policy.js';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods, CachePolicy, Distribution, Function as CloudFrontFunction, FunctionCode, FunctionEventType, HeadersFrameOption,
  HeadersReferrerPolicy, HttpVersion, OriginRequestPolicy, PriceClass, ResponseHeadersPolicy, SecurityPolicyProtocol, ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { isProduction, type DeploymentConfig } from '../config.js';
import { acknowledgeFunctionFindings } from '../constructs/api-function.js';

export interface WebStackDependencies {
  api: HttpApi;
  /** Sent to the API origin so that the viewer address passed on is believed (functions/core/viewer.ts). */
  edgeSecret: ISecret;
  userPool: UserPool;
  webClient: UserPoolClient;
  hostedUiBaseUrl: string;
}

const webDist = resolve(import.meta.dirname, '../../web/dist');

/** Rewrites app routes (no file extension) to index.html; /api/* goes to the API untouched. */
const spaFallback = `function handler(event) {
  var request = event.request;
  if (!request.uri.startsWith('/api/') && request.uri.indexOf('.', request.uri.lastIndexOf('/')) === -1) request.uri = '/index.html';
  return request;
}`;

/** `/api`: passes the viewer's address on to the API (API Gateway sees CloudFront's). */
const viewerAddress = `function handler(event) {
  var request = event.request;
  request.headers['${edgeHeaders.viewerAddress}'] = { value: event.viewer.ip };
  return request;
}`;

/**
 * The web app: a private bucket behind CloudFront (origin access control), the
 * API on the same origin under /api, security headers, and the runtime
 * config.json that points the SPA at this stage's Cognito.
 */
export class WebStack extends Stack {
  constructor(scope: Construct, id: string, config: DeploymentConfig, deps: WebStackDependencies, props: StackProps) {
    super(scope, id, props);
    const keep = isProduction(config);
    const removalPolicy = keep ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const logs = new Bucket(this, 'CdnLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL, encryption: BucketEncryption.S3_MANAGED, enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER, lifecycleRules: [{ expiration: Duration.days(180) }], removalPolicy, autoDeleteObjects: !keep,
    });
    Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This bucket holds CloudFront access logs; logging it would loop.' });

    const site = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL, encryption: BucketEncryption.S3_MANAGED, enforceSSL: true, versioned: true,
      serverAccessLogsBucket: logs, serverAccessLogsPrefix: 'site-bucket/', removalPolicy, autoDeleteObjects: !keep,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        contentSecurityPolicy: {
          contentSecurityPolicy: `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' https://cognito-idp.${this.region}.amazonaws.com ${deps.hostedUiBaseUrl} https://*.s3.${this.region}.amazonaws.com; frame-ancestors 'none'; base-uri 'self'; form-action 'self' ${deps.hostedUiBaseUrl}`,
          override: true,
        },
      },
    });

    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', deps.api.apiEndpoint)), { customHeaders: { [edgeHeaders.secret]: deps.edgeSecret.secretValue.unsafeUnwrap() } });
    const certificate = config.webCertificateArn ? Certificate.fromCertificateArn(this, 'Certificate', config.webCertificateArn) : undefined;

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(site);
    const distribution = new Distribution(this, 'Cdn', {
      comment: `Pakt web (${config.stage})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
      ...(certificate && config.webDomainName ? { certificate, domainNames: [config.webDomainName], minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021 } : {}),
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: new CloudFrontFunction(this, 'SpaFallback', { code: FunctionCode.fromInline(spaFallback) }) }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [{ eventType: FunctionEventType.VIEWER_REQUEST, function: new CloudFrontFunction(this, 'ViewerAddress', { code: FunctionCode.fromInline(viewerAddress) }) }],
        },
        // The installed app checks these for a new version: never served stale from the edge (hashed assets are).
        ...Object.fromEntries(['/sw.js', '/manifest.webmanifest'].map((path) => [path, {
          origin: siteOrigin, viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS, cachePolicy: CachePolicy.CACHING_DISABLED, responseHeadersPolicy: securityHeaders,
        }])),
      },
    });
    Validations.of(distribution).acknowledge({ id: 'AwsSolutions-CFR1', reason: 'Partners and activists work from many countries, including abroad; no geographic restriction fits.' });
    Validations.of(distribution).acknowledge({ id: 'AwsSolutions-CFR2', reason: 'A WAF web ACL for CloudFront lives in us-east-1 and is attached per installation (documented in the README); the API is throttled and every route is authenticated.' });
    if (!certificate) {
      Validations.of(distribution).acknowledge({ id: 'AwsSolutions-CFR4', reason: 'Without a custom domain CloudFront serves its default certificate, which allows TLSv1; set webDomainName and webCertificateArn to enforce TLSv1.2_2021.' });
    }

    const webOrigin = config.webDomainName ? `https://${config.webDomainName}` : `https://${distribution.distributionDomainName}`;
    const runtimeConfig = {
      issuer: deps.userPool.userPoolProviderUrl,
      clientId: deps.webClient.userPoolClientId,
      scope: `openid profile email ${ownAccountScope} ${apiScope}`,
      // Cognito's user API, where the SPA enrols a person's authenticator app.
      directoryEndpoint: `https://cognito-idp.${this.region}.amazonaws.com/`,
      apiBaseUrl: '/api',
      logoutUrl: `${deps.hostedUiBaseUrl}/logout?logout_uri=${encodeURIComponent(`${webOrigin}/`)}`,
      revocationUrl: `${deps.hostedUiBaseUrl}/oauth2/revoke`,
    };
    if (existsSync(resolve(webDist, 'index.html'))) {
      new BucketDeployment(this, 'DeploySite', {
        destinationBucket: site,
        // Source maps stay with the build (for tracing errors), never in the public bucket.
        sources: [Source.asset(webDist, { exclude: ['**/*.map'] }), Source.jsonData('config.json', runtimeConfig)],
        distribution,
        distributionPaths: ['/index.html', '/config.json'],
        prune: true,
      });
    } else {
      new BucketDeployment(this, 'DeployConfig', { destinationBucket: site, sources: [Source.jsonData('config.json', runtimeConfig)], distribution, distributionPaths: ['/config.json'], prune: false });
    }

    // CDK's own custom resources (bucket deployment, auto-delete of dev buckets) are the only other Lambdas here.
    for (const child of this.node.children) {
      if (!/^Custom::(CDKBucketDeployment|S3AutoDeleteObjects)/.test(child.node.id)) continue;
      acknowledgeFunctionFindings(child, 'CDK\'s own handler, invoked by CloudFormation during a deployment, which fails (and rolls back) when it fails; nothing is left to dead-letter.');
      for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
        Validations.of(child).acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason: 'CDK\'s bucket deployment copies the built SPA into the site bucket; the actions are scoped to that bucket and the asset bucket.' });
      }
      const siteArn = this.getLogicalId(site.node.defaultChild as CfnBucket);
      for (const resource of [`<${siteArn}.Arn>/*`, `arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${config.account}-${config.region}/*`]) {
        Validations.of(child).acknowledge({ id: `AwsSolutions-IAM5[Resource::${resource}]`, reason: 'Objects of the site bucket and of the CDK asset bucket that holds the built SPA.' });
      }
      Validations.of(child).acknowledge({ id: 'Serverless-LambdaTracing', reason: 'CDK\'s bucket deployment function runs once per deploy and exposes no tracing setting.' });
      Validations.of(child).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: 'CloudFront invalidation (cloudfront:CreateInvalidation) does not support resource-level permissions in CDK\'s bucket deployment.' });
    }

    new CfnOutput(this, 'WebUrl', { value: webOrigin });
  }
}
