// Sends a rendered PDF as a download. The route's 200 schema describes binary PDF bytes; Fastify's
// reply typing only knows JSON-ish bodies, hence the one cast, made here once.
import type { FastifyReply } from 'fastify';

export function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string) {
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).send(pdf as unknown as string);
}
