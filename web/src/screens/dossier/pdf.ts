// The overview PDF: fetched with the in-memory token, handed to the browser as a download from a
// short-lived object URL that is revoked at once (nothing stays behind in the page).
import { api, unwrap } from '../../api/client';

export async function downloadOverviewPdf(dossierId: string): Promise<void> {
  const blob = await unwrap(api.GET('/api/v1/dossiers/{id}/overview.pdf', { params: { path: { id: dossierId }, query: {} }, parseAs: 'blob' })) as unknown as Blob;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'schuldenoverzicht.pdf';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
