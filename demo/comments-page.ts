/**
 * The `<lede-comments>` states page. The event log must be listening before the library registers
 * the elements; the unsent comment must be in storage before its element opens its thread.
 */
import './event-log.js';
import { byId } from './dom.js';
import { LedeComments, LedeError } from '../src/index.js';
import { sampleComments, StubProvider } from './comment-stubs.js';

// A comment written earlier on this page whose backend never answers: it waits in the outbox.
localStorage.setItem(
  'lede-comments:outbox:demo-unsent',
  JSON.stringify([
    {
      key: 'demo-unsent-comment-1',
      comment: { author: { name: 'Nadia' }, body: 'Written on a train, in a tunnel.', parentId: null, website: '', startedAt: Date.now() - 60_000 },
      attempts: 1,
      retryAt: Date.now() + 60_000,
    },
  ]),
);

byId('loading-example', LedeComments).provider = new StubProvider('never');
byId('empty-example', LedeComments).provider = new StubProvider([]);
byId('error-example', LedeComments).provider = new StubProvider(new LedeError('http', 'Service unavailable.', { status: 503 }));
byId('long-example', LedeComments).provider = new StubProvider(sampleComments(2000));
byId('unsent-example', LedeComments).provider = new StubProvider(sampleComments(2), 'network');
const held = sampleComments(2);
held.unshift({
  ...held[0]!,
  id: 'held-1',
  author: { name: 'You' },
  body: 'A first comment, held until a moderator has seen it.',
  status: 'pending',
  replies: undefined,
  replyCount: 0,
  score: 0,
  createdAt: new Date().toISOString(),
});
byId('pending-example', LedeComments).provider = new StubProvider(held, 'pending');
byId('rtl-example', LedeComments).provider = new StubProvider(sampleComments(4, ['سارة', 'علي', 'ليلى', 'يوسف']));
