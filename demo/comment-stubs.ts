/**
 * Backends for the `<lede-comments>` states page: each shows one state the reference server
 * cannot be asked for on demand (a request that never ends, a thread of thousands, a network
 * that always fails). They implement the same `CommentProvider` interface as the real ones.
 */
import { LedeError, type Comment, type CommentProvider } from '../src/index.js';

const sentences = [
  'This is the clearest account of the talks I have read so far.',
  'Does anyone know whether the Rafah crossing is open again today?',
  'The numbers in the fourth paragraph differ from the agency’s own report: https://example.org/report',
  'Thank you for including the voices of the workers who were sent back.',
  'A pause that is temporary and localized is hardly a pause.',
];

/** `count` top-level comments an hour apart, every third with a reply. */
export function sampleComments(count: number, names = ['Amal', 'Ben', 'Chloé', 'Dmitri', 'Esra']): Comment[] {
  return Array.from({ length: count }, (_, index) => {
    const comment: Comment = {
      id: `sample-${index}`,
      threadId: 'sample',
      parentId: null,
      author: { name: `${names[index % names.length]}` },
      body: sentences.slice(index % 3, (index % 3) + 1 + (index % 2)).join('\n\n'),
      createdAt: new Date(Date.now() - (index + 1) * 3_600_000).toISOString(),
      editedAt: null,
      status: 'published',
      score: (index * 7) % 11,
      replyCount: 0,
    };
    if (index % 3 === 0) {
      comment.replies = [
        { ...comment, id: `reply-${index}`, parentId: comment.id, author: { name: names[(index + 1) % names.length]! }, body: 'Agreed.', replies: undefined },
      ];
      comment.replyCount = 1;
    }
    return comment;
  });
}

/** Published comments at every depth, as the protocol counts them. */
const published = (comments: Comment[]): number =>
  comments.reduce((total, comment) => total + (comment.status === 'published' ? 1 : 0) + published(comment.replies ?? []), 0);

/** A backend that answers `list` with fixed comments and fails or holds every write as told. */
export class StubProvider implements CommentProvider {
  constructor(
    private readonly comments: Comment[] | 'never' | LedeError,
    private readonly onPost: 'network' | 'pending' = 'network',
  ) {}

  async list(): Promise<{ comments: Comment[]; nextCursor: null; total: number }> {
    if (this.comments === 'never') return new Promise(() => {});
    if (this.comments instanceof LedeError) throw this.comments;
    return { comments: this.comments, nextCursor: null, total: published(this.comments) };
  }

  async replies(): Promise<{ comments: Comment[]; nextCursor: null; total: number }> {
    return { comments: [], nextCursor: null, total: 0 };
  }

  async post(threadId: string, comment: { author: { name: string }; body: string; parentId: string | null }) {
    if (this.onPost === 'network') throw new LedeError('network', 'The demo backend is offline on purpose.');
    const now = new Date().toISOString();
    return {
      comment: {
        id: `held-${Date.now()}`,
        threadId,
        parentId: comment.parentId,
        author: comment.author,
        body: comment.body,
        createdAt: now,
        editedAt: null,
        status: 'pending' as const,
        score: 0,
        replyCount: 0,
      },
      editToken: 'demo',
    };
  }

  private offline(): never {
    throw new LedeError('network', 'The demo backend does not take this action.');
  }

  async edit(): Promise<Comment> {
    return this.offline();
  }

  async delete(): Promise<void> {
    this.offline();
  }

  async vote(): Promise<{ score: number; vote: number }> {
    return this.offline();
  }

  async report(): Promise<void> {
    this.offline();
  }

  async count(): Promise<Record<string, number>> {
    return {};
  }
}
