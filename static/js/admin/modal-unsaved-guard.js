/*
 * Nothing typed into an admin dialog is lost by Escape, the close button or a click beside it.
 *
 * Wagtail's choosers open their upload forms (a document's title, file, who may see it, ...)
 * in a modal that closes on Escape and throws the form away. Once someone has typed or chosen
 * something in a dialog's form that sends data (method POST: an upload, not the chooser's
 * search box), closing the dialog first asks whether to discard it; "Cancel" keeps the dialog
 * open with everything in place. The question is `data-message` on this script, in the
 * editor's language (`knowledge.wagtail_hooks`).
 */
(() => {
  const script = document.currentScript;
  const message = script ? script.dataset.message : "";
  const DIALOGS = ".modal, dialog, .w-dialog";
  const CLOSERS = '[data-dismiss="modal"], [data-action~="w-dialog#hide"], [data-w-dialog-target="close"]';
  const changed = new WeakSet();

  const postFormOf = (element) => {
    const form = element && element.closest ? element.closest("form") : null;
    return form && form.closest(DIALOGS) && (form.getAttribute("method") || "").toLowerCase() === "post" ? form : null;
  };
  const remember = (event) => {
    const form = postFormOf(event.target);
    if (form) changed.add(form);
  };
  document.addEventListener("input", remember, true);
  document.addEventListener("change", remember, true);
  // A form that is sent has nothing left to lose.
  document.addEventListener("submit", (event) => changed.delete(event.target), true);

  // Bootstrap's modal (the choosers) is open with "in"; a <dialog> with "open"; Wagtail's own
  // dialogs stay in the page, hidden with aria-hidden.
  const isOpen = (dialog) => {
    if (dialog.matches(".modal")) return dialog.classList.contains("in") || dialog.classList.contains("show");
    if (dialog.matches("dialog")) return dialog.open;
    return dialog.getAttribute("aria-hidden") !== "true";
  };
  const openDialog = () => Array.from(document.querySelectorAll(DIALOGS)).filter(isOpen).pop() || null;
  const unsavedForm = (dialog) =>
    dialog ? Array.from(dialog.querySelectorAll("form")).find((form) => changed.has(form)) : null;

  const stop = (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  // True when the form was kept: the caller stops the event that would close the dialog.
  const keep = (dialog) => {
    const form = unsavedForm(dialog);
    if (!form) return false;
    if (window.confirm(message)) {
      changed.delete(form);
      return false;
    }
    return true;
  };
  const guard = (event, dialog) => {
    if (keep(dialog)) stop(event);
  };

  // Wagtail's dialogs close on Escape's keydown, Bootstrap's modal (the choosers) on its keyup:
  // ask once, on keydown, and stop the keyup too when the answer was to keep the form.
  let keptOnKeydown = false;
  window.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape") return;
      keptOnKeydown = keep(openDialog());
      if (keptOnKeydown) stop(event);
    },
    true,
  );
  window.addEventListener(
    "keyup",
    (event) => {
      if (event.key === "Escape" && keptOnKeydown) {
        keptOnKeydown = false;
        stop(event);
      }
    },
    true,
  );
  window.addEventListener(
    "click",
    (event) => {
      const target = event.target;
      if (!(target instanceof Element)) return;
      const closer = target.closest(CLOSERS);
      if (closer) {
        guard(event, closer.closest(DIALOGS) || openDialog());
      } else if (target.matches(DIALOGS)) {
        // A click on the backdrop, beside the dialog's box.
        guard(event, target);
      }
    },
    true,
  );
})();
