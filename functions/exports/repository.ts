import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableContext } from '../data/client.js';
import { exportJob } from './entities.js';
import type * as z from 'zod/mini';

export type StoredExportJob = z.infer<typeof exportJob.schema>;
/** What the renderer changes as it works. */
export type ExportJobChange = Partial<Pick<StoredExportJob, 'status' | 'progress' | 'attempts' | 'file' | 'problem'>>;

const isConditionFailure = (error: unknown) => error instanceof Error && error.name === 'ConditionalCheckFailedException';

export const exportJobRepository = (ctx: TableContext) => ({
  async get(programmeId: string, jobId: string): Promise<StoredExportJob | undefined> {
    const { Item } = await ctx.client.send(new GetCommand({ TableName: ctx.table, Key: exportJob.key(programmeId, jobId), ConsistentRead: true }));
    return Item ? exportJob.read(Item) : undefined;
  },

  /** Stores a new job; false when the same job exists already (it is that one). */
  async create(job: StoredExportJob): Promise<boolean> {
    try {
      await ctx.client.send(new PutCommand({ TableName: ctx.table, Item: exportJob.item(job), ConditionExpression: 'attribute_not_exists(PK)' }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /**
   * Applies the renderer's change, unless the job is done already (a redelivered
   * message finds it so and leaves it); `from`: only from these statuses. False when it did not apply.
   */
  async change(job: Pick<StoredExportJob, 'programmeId' | 'id'>, change: ExportJobChange, at: string, from?: readonly StoredExportJob['status'][]): Promise<boolean> {
    const set = Object.entries({ ...change, updatedAt: at }).filter(([, value]) => value !== undefined);
    const names = Object.fromEntries(set.map(([name], index) => [`#a${index}`, name]));
    const values: Record<string, unknown> = Object.fromEntries(set.map(([, value], index) => [`:a${index}`, value]));
    const allowed = from ?? ['queued', 'running', 'failed'];
    allowed.forEach((status, index) => (values[`:from${index}`] = status));
    try {
      await ctx.client.send(new UpdateCommand({
        TableName: ctx.table, Key: exportJob.key(job.programmeId, job.id),
        UpdateExpression: `SET ${set.map((_, index) => `#a${index} = :a${index}`).join(', ')}${change.problem === undefined && change.status !== 'failed' ? ' REMOVE problem' : ''}`,
        ConditionExpression: `attribute_exists(PK) AND #status IN (${allowed.map((_, index) => `:from${index}`).join(', ')})`,
        ExpressionAttributeNames: { ...names, '#status': 'status' }, ExpressionAttributeValues: values,
      }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
});
