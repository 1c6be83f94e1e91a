/**
 * German for the demo: a complete translation of the elements' table (the words of parts loaded on demand
 * included), as a host supplies it with `setMessages(de)` and `setLocale('de-DE', { currency: 'EUR' })`.
 * Typed as the whole `Messages`, so an entry the elements add and this table lacks fails the type check.
 */
import type { Column } from '../../sdk/index.js';
import type { Messages } from '../../src/index.js';
import { deIntake } from './de-intake.js';
import { leads, plural } from './de-plural.js';

export const de: Messages = {
  // board and toolbar
  boardLabel: 'Lead-Board',
  toolbarLabel: 'Board-Werkzeuge',
  filterByAssignee: 'Nach zuständiger Person filtern',
  filterByStatus: 'Nach Status filtern',
  searchLeads: 'Leads suchen',
  searchPlaceholder: 'Leads suchen…',
  anyone: 'Alle',
  unassigned: 'Nicht zugewiesen',
  assignedToMe: 'Mir zugewiesen',
  assignedTo: (name) => `${name} zugewiesen`,
  allStatuses: 'Alle Status',
  statusCount: (n) => plural(n, '1 Status', `${n} Status`),
  assign: 'Zuweisen',
  bulkActions: 'Sammelaktionen',
  selectAllMatching: 'Alle Treffer auswählen',
  selectAllIn: (column) => `Alle in ${column} auswählen`,
  selectLead: (name) => `${name} auswählen`,
  selectedCount: (n) => `${n} ausgewählt`,
  clearSelection: 'Leeren',
  clearSelectionLabel: 'Auswahl aufheben',
  leadsCount: leads,
  columnCount: (shown, total) => (shown === total ? `${total}` : `${shown} von ${total}`),
  emptyColumn: 'Keine Leads',
  loading: 'Leads werden geladen…',
  loadFailed: (message) => `Leads konnten nicht geladen werden: ${message}`,
  retry: 'Erneut versuchen',
  workload: 'Auslastung',
  openLeads: (n) => plural(n, '1 offener Lead', `${n} offene Leads`),
  viewingAs: (name, role) => `Angemeldet als ${name} (${role})`,
  undo: 'Rückgängig',
  dismiss: 'Schließen',
  // bulk assign dialog
  assignLeadsTitle: 'Leads zuweisen',
  assignNLeads: (n) => `${leads(n)} zuweisen`,
  unassignNLeads: (n) => `Zuweisung von ${leads(n)} aufheben`,
  confirmAssign: (n, name) => `${leads(n)} ${name} zuweisen?`,
  confirmUnassign: (n) => `Zuweisung von ${leads(n)} aufheben?`,
  chooseAssignee: 'Wählen Sie, wer die ausgewählten Leads übernehmen soll.',
  handOffWarning: (n) =>
    n === 1
      ? 'Nach der Übergabe an jemand anderen sehen Sie diesen Lead nicht mehr.'
      : `Nach der Übergabe an jemand anderen sehen Sie diese ${n} Leads nicht mehr.`,
  cancel: 'Abbrechen',
  assigning: (n) => `${leads(n)} werden zugewiesen…`,
  // outcomes
  outcomeAssigned: (n, name) => `${leads(n)} ${name} zugewiesen`,
  outcomeUnassigned: (n) => `Zuweisung von ${leads(n)} aufgehoben`,
  outcomeConflict: (n) => `${n} von jemand anderem geändert`,
  outcomeForbidden: (n) => `${n} nicht erlaubt`,
  outcomeNotFound: (n) => `${n} nicht mehr verfügbar`,
  outcomeFailed: (message) => `Nichts wurde zugewiesen: ${message}`,
  moveFailed: (name, message) => `${name} konnte nicht verschoben werden: ${message}`,
  saveFailed: (message) => `Speichern fehlgeschlagen: ${message}`,
  // announcements
  announceMoved: (name, from, to, position, total) =>
    from === to
      ? `${name} an Position ${position} von ${total} in ${to} verschoben`
      : `${name} von ${from} nach ${to} verschoben, Position ${position} von ${total}`,
  announceAssigned: (name, assignee) => `${name} ist ${assignee} zugewiesen`,
  announceUnassigned: (name) => `${name} ist jetzt nicht zugewiesen`,
  announceSelection: (n) => (n === 0 ? 'Auswahl aufgehoben' : `${leads(n)} ausgewählt`),
  // card
  cardActions: (name) => `Aktionen für ${name}`,
  moveTo: (column) => `Nach ${column} verschieben`,
  moveUp: 'Nach oben',
  moveDown: 'Nach unten',
  moveToTop: 'Ganz nach oben',
  moveToBottom: 'Ganz nach unten',
  assignEllipsis: 'Zuweisen…',
  assignToMe: 'Mir zuweisen',
  unassign: 'Zuweisung aufheben',
  // drawer
  close: 'Schließen',
  details: 'Details',
  fieldName: 'Name',
  fieldCompany: 'Firma',
  fieldEmail: 'E-Mail',
  fieldPhone: 'Telefon',
  fieldValue: 'Wert',
  fieldStatus: 'Status',
  save: 'Speichern',
  saved: 'Gespeichert',
  saving: 'Wird gespeichert…',
  notes: 'Notizen',
  addNote: 'Notiz hinzufügen',
  notePlaceholder: 'Notiz schreiben…',
  activity: 'Verlauf',
  noActivity: 'Noch kein Verlauf',
  leadNotFound: 'Dieser Lead ist nicht verfügbar.',
  someone: 'Jemand',
  activityCreated: (actor) => `${actor} hat den Lead angelegt`,
  activityAssigned: (actor, to) => `${actor} hat ${to} zugewiesen`,
  activityReassigned: (actor, from, to) => `${actor} hat von ${from} an ${to} umgewiesen`,
  activityUnassigned: (actor, from) => `${actor} hat die Zuweisung an ${from} aufgehoben`,
  activityStatus: (actor, from, to) => `${actor} hat von ${from} nach ${to} verschoben`,
  activityUpdated: (actor, fields) => `${actor} hat ${fields} geändert`,
  activityNote: (actor) => `${actor} hat eine Notiz hinzugefügt`,
  // picker
  assignee: 'Zuständig',
  searchMembers: 'Personen suchen',
  noMatches: 'Keine passenden Personen',
  you: 'Sie',
  openCount: (n) => `${n} offen`,
  // drawer
  leadDetailsLabel: 'Lead-Details',
  loadingLead: 'Wird geladen…',
  noteLabel: 'Neue Notiz',
  activityLoading: 'Verlauf wird geladen…',
  activityLoadFailed: (message) => `Der Verlauf konnte nicht geladen werden: ${message}`,
  assignFailed: (message) => `Zuweisung fehlgeschlagen: ${message}`,
  assignConflict: 'Jemand anderes hat diesen Lead gerade geändert; angezeigt wird dessen Fassung.',
  assignForbidden: 'Sie dürfen diesen Lead nicht zuweisen.',
  assignNotFound: 'Dieser Lead ist nicht mehr verfügbar.',
  handOffConfirm: (name) => `An ${name} übergeben`,
  handedOff: (name) => `An ${name} übergeben. Der Lead ist aus Ihrer Ansicht verschwunden.`,
  noteFailed: (message) => `Die Notiz konnte nicht hinzugefügt werden: ${message}`,
  fieldInvalid: (field, message) => `${field}: ${message}`,
  savedAt: 'Alle Änderungen gespeichert',
  undone: (n) => `Zuweisung von ${leads(n)} rückgängig gemacht`,
  // keyboard model
  keyboardShortcuts: 'Tastenkürzel',
  keyboardHelpSummary:
    'Pfeiltasten wechseln zwischen Karten. Leertaste wählt aus, Eingabe öffnet, M nimmt die Karte auf, um sie mit den Pfeiltasten zu verschieben, Umschalt+F10 öffnet ihre Aktionen, B springt zu den Sammelaktionen.',
  keyboardHelpScreenReader:
    'Schalten Sie mit einem Screenreader in den Fokusmodus (Formularmodus), um die Pfeiltasten auf Karten zu nutzen; das Aktionsmenü und sein Eintrag „Mit Pfeiltasten verschieben“ funktionieren in jedem Modus.',
  keysColumn: 'Tasten',
  actionColumn: 'Aktion',
  helpMoveFocus: 'Zwischen Karten wechseln (hoch und runter in einer Spalte, links und rechts über die Spalten)',
  helpHomeEnd: 'Erste oder letzte Karte der Spalte',
  helpCtrlHomeEnd: 'Erste Karte des Boards, letzte Karte des Boards',
  helpSpace: 'Karte auswählen oder abwählen',
  helpShiftArrows: 'Auswahl erweitern',
  helpEscape: 'Auswahl aufheben',
  helpEnter: 'Lead öffnen (vom Namen oder vom Kontrollkästchen; auf der Aktionsschaltfläche öffnet Eingabe die Aktionen)',
  helpMenu: 'Kartenaktionen öffnen (Verschieben nach…, Zuweisen…)',
  helpLift: 'Karte aufnehmen; dann wählen die Pfeiltasten ihren Platz, Eingabe oder Leertaste legt sie ab, Escape legt sie zurück',
  helpCtrlArrows: 'Karte sofort verschieben: einen Platz hoch oder runter oder in die nächste Spalte',
  helpTab:
    'Ins Board: Kontrollkästchen, Name und Aktionsschaltfläche der aktuellen Karte, dann aus dem Board hinaus (die Pfeiltasten, nicht Tab, wechseln zwischen Karten); Umschalt+Tab geht zurück über die Auslastungsleiste (ein Halt) zur Werkzeugleiste',
  keyOr: 'oder',
  keyArrows: 'Pfeiltasten',
  keySpace: 'Leertaste',
  keyEscape: 'Esc',
  keyEnter: 'Eingabe',
  keyMenu: 'Menü',
  keyHome: 'Pos1',
  keyEnd: 'Ende',
  moveWithKeys: 'Mit Pfeiltasten verschieben',
  liftLabel: (name) => `${name} wird verschoben`,
  liftInstructions: 'Pfeiltasten wählen den Platz, Eingabe oder Leertaste legt ab, Escape bricht ab.',
  announceLifted: (name, column, position, total) =>
    `${name} aufgenommen, ${column}, Position ${position} von ${total}. Pfeiltasten wählen den Platz, Eingabe oder Leertaste legt ab, Escape bricht ab.`,
  announceLiftPosition: (name, column, position, total) => `${name}, ${column}, Position ${position} von ${total}`,
  announceLiftCancelled: (name, column, position, total) =>
    `Verschieben abgebrochen. ${name} ist zurück in ${column}, Position ${position} von ${total}`,
  announceLiftUnchanged: (name, column, position, total) => `${name} bleibt in ${column}, Position ${position} von ${total}`,
  choosePerson: 'Person wählen',

  ...deIntake,

  // working together, up front: toasts of settled actions and undos
  leadAssignedTo: (lead, name) => `${lead} ${name} zugewiesen`,
  leadUnassigned: (lead) => `Zuweisung von ${lead} aufgehoben`,
  leadsDistributed: (n) => `${leads(n)} verteilt`,
  leadMoved: (lead, column) => `${lead} nach ${column} verschoben`,
  assignmentOfUndone: (lead) => `Zuweisung von ${lead} rückgängig gemacht`,
  moveOfUndone: (lead) => `Verschieben von ${lead} rückgängig gemacht`,
  undoneFor: (n) => `Rückgängig gemacht für ${leads(n)}`,
  notUndone: (names) => `Nicht rückgängig gemacht, inzwischen geändert: ${names}`,
  nothingUndone: 'Nichts rückgängig zu machen',
  nameList: (names, more) =>
    more > 0
      ? `${names.join(', ')} und ${more} weitere`
      : names.length > 1
        ? `${names.slice(0, -1).join(', ')} und ${names.at(-1)}`
        : (names[0] ?? ''),
  leadsUnavailable: (names, n) => (n === 1 ? `${names} ist für Sie nicht mehr verfügbar` : `${names} sind für Sie nicht mehr verfügbar`),
  conflictTitle: (lead) => `${lead} wurde von jemand anderem geändert`,
  keptTheirs: (n) => `Deren Fassung von ${leads(n)} behalten`,
  distributeEllipsis: 'Verteilen…',
  assignedYou: (actor, n, lead) => (n === 1 ? `${actor} hat Ihnen ${lead} zugewiesen` : `${actor} hat Ihnen ${n} Leads zugewiesen`),
  rulesAssignedYou: (n, lead) =>
    n === 1 ? `Die Zuweisungsregeln haben Ihnen ${lead} gegeben` : `Die Zuweisungsregeln haben Ihnen ${n} Leads gegeben`,
  showThem: (n) => plural(n, 'Anzeigen', 'Anzeigen'),
  leftViewHandedOff: (lead, name) => `${lead} wurde an ${name} übergeben und ist aus Ihrer Ansicht verschwunden`,
  leftViewFilter: (lead) => `${lead} passt nicht mehr zum Filter`,
  leftFilterRemote: (names, n) =>
    n === 1
      ? `${names} wurde von jemand anderem geändert und passt nicht mehr zum Filter`
      : `${names} wurden von jemand anderem geändert und passen nicht mehr zum Filter`,
  newForYou: 'neu für Sie',
  helpUndo: 'Letztes Verschieben oder letzte Zuweisung rückgängig machen',

  // usability: column totals, hidden selection, field history, drafts, phones, field issues
  columnValueLabel: 'Gesamtwert',
  hiddenByFilter: (n) => `${n} vom aktuellen Filter ausgeblendet`,
  clearHidden: 'Ausgeblendete entfernen',
  hiddenWarning: (n) =>
    n === 1
      ? 'Darunter ist 1 Lead, den Sie gerade nicht auf dem Board sehen.'
      : `Darunter sind ${n} Leads, die Sie gerade nicht auf dem Board sehen.`,
  clearHiddenLabel: 'Ausgeblendete Leads aus der Auswahl entfernen',
  announceHidden: (n) =>
    n === 1 ? '1 ausgewählter Lead ist vom aktuellen Filter ausgeblendet' : `${n} ausgewählte Leads sind vom aktuellen Filter ausgeblendet`,
  activityChangedField: (actor, field, from, to) => `${actor} hat ${field} von ${from} in ${to} geändert`,
  activitySetField: (actor, field, to) => `${actor} hat ${field} auf ${to} gesetzt`,
  activityClearedField: (actor, field, from) => `${actor} hat ${field} geleert (war ${from})`,
  fieldConflict: (who, field, theirs, mine) =>
    `${who} hat ${field} in ${theirs} geändert, während Sie bearbeitet haben. Sie haben ${mine} eingegeben.`,
  emptyValue: '(leer)',
  keepMine: 'Meine behalten',
  keepTheirs: 'Deren behalten',
  notSaved: 'Noch nicht gespeichert',
  unsavedChanges: 'Ungespeicherte Änderungen',
  saveField: (field) => `${field} speichern`,
  discard: 'Verwerfen',
  discardField: (field) => `Ungespeicherte Änderung an ${field} verwerfen`,
  noteNotSent: 'Noch nicht gesendet',
  discardNote: 'Notiz verwerfen',
  notVisibleToYou: (name) =>
    `${name} zugewiesene Leads sind für Sie nicht sichtbar: Sie sehen die Ihnen zugewiesenen und die nicht zugewiesenen Leads.`,
  showAllLeads: 'Alle meine Leads anzeigen',
  stagesLabel: 'Phase',
  helpBulkBar: 'Zu den Sammelaktionen (Auswahl zuweisen); Escape dort führt zurück zu den Karten',
  helpWorkload: 'In der Auslastungsleiste (ein Tab-Halt): zwischen Personen wechseln; Eingabe oder Leertaste filtert nach der fokussierten',
  issueRequired: (field) => `${field} ist erforderlich`,
  issueNotANumber: (field) => `Geben Sie für ${field} eine Zahl ein, etwa 12500`,
  issueNegative: (field) => `${field} darf nicht unter 0 liegen`,
  issueTooLong: (field, limit) => (limit ? `${field} darf höchstens ${limit} Zeichen lang sein` : `${field} ist zu lang`),
  issueTooSmall: (field, limit) => `${field} muss mindestens ${limit} sein`,
  issueTooBig: (field, limit) => `${field} darf höchstens ${limit} sein`,
  issueEmail: () => 'Geben Sie eine E-Mail-Adresse wie name@example.com ein',
  issueOption: (field) => `Wählen Sie eine der Optionen für ${field}`,
  issueNotAllowed: (field) => `${field} kann hier nicht geändert werden`,
  issueInvalid: (field) => `Prüfen Sie ${field}`,
  issueChanged: (field) => `Jemand anderes hat ${field} inzwischen geändert`,

  // working together, on demand: lists, the conflict panel, distribution, history, presence
  andMore: (n) => `und ${n} weitere`,
  conflictsLabel: 'Von jemand anderem geändert',
  conflictAssigned: (actor, to, when) => `${actor} hat diesen Lead ${when} ${to} zugewiesen`,
  conflictReassigned: (actor, to, when) => `${actor} hat diesen Lead ${when} an ${to} umgewiesen`,
  conflictUnassigned: (actor, when) => `${actor} hat die Zuweisung dieses Leads ${when} aufgehoben`,
  conflictMoved: (actor, column, when) => `${actor} hat diesen Lead ${when} nach ${column} verschoben`,
  conflictUpdated: (actor, fields, when) => `${actor} hat ${fields} dieses Leads ${when} geändert`,
  conflictNow: (assignee, column) => `jetzt ${assignee}, ${column}`,
  distributeTitle: 'Leads verteilen',
  distributeDesc: 'Verteilt die Leads auf die gewählten Personen; die Vorschau zeigt genau, was gespeichert wird.',
  distributeLeads: 'Leads',
  scopeSelected: (n) => plural(n, 'Der ausgewählte Lead', `Die ${n} ausgewählten Leads`),
  scopeUnassigned: (n) =>
    plural(n, '1 nicht zugewiesener Lead, der zum Filter passt', `Alle ${n} nicht zugewiesenen Leads, die zum Filter passen`),
  distributeTo: 'Personen, die Leads erhalten',
  distributeStrategy: 'Wie',
  strategyEven: 'Gleichmäßig',
  capacityOf: (n) => `Kapazität ${n}`,
  distributePreview: 'Vorschau',
  previewPerson: 'Person',
  previewReceives: 'Erhält',
  previewLoad: 'Offene Leads vorher → nachher',
  loadChange: (before, after) => `${before} → ${after}`,
  distributeConfirm: (n) => `${leads(n)} verteilen`,
  distributing: (n) => `${leads(n)} werden verteilt…`,
  distributeSkipped: (n) =>
    plural(
      n,
      '1 Lead passt in niemandes verbleibende Kapazität und bleibt, wie er ist.',
      `${n} Leads passen in niemandes verbleibende Kapazität und bleiben, wie sie sind.`,
    ),
  chooseSomeone: 'Wählen Sie mindestens eine Person.',
  leaveView: (k, n) =>
    k === n
      ? plural(n, 'Dieser Lead verschwindet aus Ihrer Ansicht.', `Diese ${n} Leads verschwinden aus Ihrer Ansicht.`)
      : `${k} dieser ${n} verschwinden aus Ihrer Ansicht.`,
  sourceManual: 'von Hand',
  sourceBulk: 'gesammelt',
  sourceDistribute: 'verteilt',
  sourceDrag: 'per Ziehen',
  sourceKeyboard: 'per Tastatur',
  sourceUndo: 'rückgängig gemacht',
  sourceRule: 'durch eine Zuweisungsregel',
  sourceImport: 'per Import',
  sourceApi: 'über die API',
  batchAssigned: (actor, n, how) => `${actor} hat ${n} Leads ${how} zugewiesen`,
  batchDistributed: (actor, n) => `${actor} hat ${n} Leads verteilt`,
  batchUndone: (actor, n) => `${actor} hat eine Zuweisung von ${n} Leads rückgängig gemacht`,
  showBatch: 'Sammlung anzeigen',
  batchLoading: 'Sammlung wird geladen…',
  batchLeads: (n) => plural(n, 'Der 1 Lead dieser Sammlung, den Sie sehen können', `Die ${n} Leads dieser Sammlung, die Sie sehen können`),
  batchFailed: (message) => `Die Sammlung konnte nicht geladen werden: ${message}`,
  assignmentsOnly: 'Nur Zuweisungen',
  noAssignments: 'Noch keine Zuweisungen',
  viewing: (names) =>
    names.length === 1
      ? `${names[0]} sieht sich das an`
      : names.length === 2
        ? `${names[0]} und ${names[1]} sehen sich das an`
        : `${names[0]} und ${names.length - 1} weitere sehen sich das an`,
};

/** The board's columns are the host's words too (`.columns`): the default statuses, labelled in German. */
export const deColumnLabels: Record<string, string> = {
  new: 'Neu',
  contacted: 'Kontaktiert',
  qualified: 'Qualifiziert',
  proposal: 'Angebot',
  won: 'Gewonnen',
  lost: 'Verloren',
};

export const germanColumns = (columns: readonly Column[]): Column[] =>
  columns.map((c) => ({ ...c, label: deColumnLabels[c.key] ?? c.label }));
