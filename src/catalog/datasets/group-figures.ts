// A Handbook page may cover several SOCs (Construction equipment operators: 47-2071 to 47-2073); its figures are
// then shown on each occupation's card as the group's, and marked so in their label.

/** The end of a figure's label when it counts a group the occupation belongs to, not the occupation itself. */
export const GROUP_LABEL = ' (group)';

/** Whether a figure counts a group that includes the occupation rather than the occupation alone. */
export function isGroupFigure(figure: { label: string }): boolean {
  return figure.label.endsWith(GROUP_LABEL);
}
