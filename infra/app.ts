import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { readConfig } from './config.js';
import { buildStacks } from './stacks/pakt.js';

/** The CDK app: `npx cdk synth` (offline) or `npx cdk deploy --all -c stage=...`. */
const app = new App();
const config = readConfig(app);
buildStacks(app, config);
Tags.of(app).add('project', 'pakt');
Tags.of(app).add('stage', config.stage);
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
app.synth();
