// The ids that tie Block Kit elements to the listeners that handle them. The manifest test reads these too.
export const ACTIONS = {
  path: 'airisk_path',
  /** "How we scored this": the details modal of the card's role. */
  details: 'airisk_details',
  compare: 'airisk_compare',
  share: 'airisk_share',
  helpful: 'airisk_helpful',
  notHelpful: 'airisk_not_helpful',
  /** Slack's feedback_buttons element on posted cards; the value is the vote and the role id. */
  feedback: 'airisk_feedback',
  pickRole: 'airisk_pick_role',
  openLookup: 'airisk_open_lookup',
  /** HR announcement preview and outcome buttons; the value is the outbox id. */
  hrPost: 'airisk_hr_post',
  hrEdit: 'airisk_hr_edit',
  hrCancel: 'airisk_hr_cancel',
  hrRetry: 'airisk_hr_retry',
} as const;

export const VIEWS = {
  lookup: 'airisk_lookup',
  details: 'airisk_details',
  compare: 'airisk_compare',
  hrEdit: 'airisk_hr_edit',
  /** The message shortcut's list of the roles a message names (no submit: its buttons open cards). */
  rolesInMessage: 'airisk_roles_in_message',
} as const;

/** Input ids inside modals. */
export const INPUTS = {
  lookupBlock: 'lookup_block',
  lookupText: 'lookup_text',
  compareBlock: 'compare_block',
  compareText: 'compare_text',
  hrNoteBlock: 'hr_note_block',
  hrNoteText: 'hr_note_text',
  hrChannelBlock: 'hr_channel_block',
  hrChannelSelect: 'hr_channel_select',
} as const;

/** Several buttons of one kind in one block (role buttons) need distinct action_ids, as Slack requires: the
 *  kind, a colon, the position. */
export function nthAction(actionId: string, index: number): string {
  return `${actionId}:${index}`;
}

/** Matches an action id and its numbered variants, for app.action(). */
export function anyNthAction(actionId: string): RegExp {
  return new RegExp(`^${actionId}(?::\\d+)?$`);
}
