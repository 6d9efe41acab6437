// The customers' mail servers for `bench/support-inbox.ts`: sends the benchmark's messages over SMTP
// from a worker thread, so the sending side (building messages, the client half of the protocol)
// runs beside the listener, as another machine would, instead of sharing its event loop. Plain
// JavaScript: a worker thread does not get the tsx loader.
import { parentPort, workerData } from 'node:worker_threads';
import { createTransport } from 'nodemailer';

const { port, mailCount, connections } = workerData;
const transport = createTransport({
  host: '127.0.0.1',
  port,
  secure: false,
  ignoreTLS: true,
  pool: true,
  maxConnections: connections,
  maxMessages: Number.POSITIVE_INFINITY,
});
const t0 = performance.now();
// Half new tickets, half replies threaded by In-Reply-To to an earlier message of the run.
await Promise.all(
  Array.from({ length: mailCount }, (_, i) =>
    transport.sendMail({
      from: `"Customer ${i}" <buyer${i % 300}@example.com>`,
      to: 'help@bench.test',
      subject: i % 2 ? `Re: Question ${i - 1}` : `Question ${i}`,
      messageId: `<bench-${i}@example.com>`,
      ...(i % 2 ? { inReplyTo: `<bench-${i - 1}@example.com>` } : {}),
      text: `Hello,\n\nwhere is my order ${i}?\n\nOn Mon, Shop wrote:\n> earlier text\n`,
      html: `<p>Hello,</p><p>where is my order ${i}?</p><script>x()</script><div class="gmail_quote">earlier</div>`,
    }),
  ),
);
transport.close();
parentPort?.postMessage({ seconds: (performance.now() - t0) / 1000 });
