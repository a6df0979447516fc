/** What the toolbar's sheets share: Escape closes a sheet, as it closes any sheet. */
export function closeOnEscape(onClose?: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key === 'Escape' && onClose) {
      event.preventDefault();
      onClose();
    }
  };
}
