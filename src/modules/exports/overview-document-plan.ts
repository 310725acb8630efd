// The closing part of the overview PDF: the actions of phase C, the referral, the word list and,
// only when the resident asked for it, the story on a page of its own.
import type { Content } from 'pdfmake/interfaces.js';
import { formatDateLong } from '../../lib/money-format.js';
import {
  ACTION_OWNER_LABEL, GLOSSARY, LIFE_EVENT_LABEL, REFERRAL_ROUTE_LABEL, REFERRAL_STATUS_LABEL, TRAJECT_LABEL,
} from './overview-labels.js';
import type { OverviewPdfInput } from './overview-pdf.types.js';
import { box, bullets, dataTable, EMPTY_CELL, heading, keyValueTable, longParagraph, paragraph, subheading } from './pdf-blocks.js';

export function actionsSection(input: OverviewPdfInput): Content[] {
  if (input.actions.length === 0) return [];
  const open = input.actions.filter((action) => !action.done).length;
  return [
    heading('Wat gaan we doen?'),
    paragraph(`Dit hebben u en uw maatje afgesproken. Er ${open === 1 ? 'staat nog 1 actie' : `staan nog ${open} acties`} open.`),
    dataTable({
      // "30 september 2026" fits 100 pt at 11 pt on one line.
      widths: ['*', 72, 100, 62],
      header: ['Actie', 'Wie', 'Wanneer', 'Klaar?'],
      rows: input.actions.map((action) => [
        {
          stack: [
            { text: action.title, bold: true },
            ...(action.description === null ? [] : [{ text: action.description }]),
          ],
        },
        { text: ACTION_OWNER_LABEL[action.owner] },
        { text: action.dueDate === null ? EMPTY_CELL : formatDateLong(action.dueDate) },
        action.done ? { text: 'Klaar' } : { text: 'Nog doen', bold: true },
      ]),
    }),
  ];
}

export function referralSection(input: OverviewPdfInput): Content[] {
  const referral = input.referral;
  if (referral === null) return [];
  return [
    heading('Doorverwijzing'),
    paragraph('U bent aangemeld voor hulp bij uw schulden.'),
    keyValueTable([
      ['Soort hulp', REFERRAL_ROUTE_LABEL[referral.route]],
      ['Organisatie', referral.organisation],
      ['Aangemeld op', referral.referredAt === null ? 'Nog niet bekend' : formatDateLong(referral.referredAt)],
      ['Hoe staat het ervoor?', REFERRAL_STATUS_LABEL[referral.status]],
      ['Gekozen traject', referral.traject === null ? 'Nog niet bekend' : TRAJECT_LABEL[referral.traject]],
    ]),
  ];
}


export function glossarySection(): Content[] {
  return [heading('Uitleg van woorden'), keyValueTable(GLOSSARY.map(([word, meaning]) => [word, meaning]), 150)];
}

export function storySection(input: OverviewPdfInput): Content[] {
  const story = input.story;
  if (story === null) return [];
  return [
    { text: 'Uw verhaal', style: 'h2', pageBreak: 'before' },
    box('info', 'Deze pagina is alleen voor u', [
      paragraph('U heeft zelf gekozen om uw verhaal in dit overzicht te zetten. U beslist zelf of u deze pagina aan iemand laat zien.'),
    ]),
    ...(story.lifeEvents.length === 0
      ? []
      : [subheading('Wat er is gebeurd'), bullets(story.lifeEvents.map((event) => LIFE_EVENT_LABEL[event]))]),
    subheading('In uw eigen woorden'),
    longParagraph(story.text),
  ];
}
