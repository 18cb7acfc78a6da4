/*
 * The console's rich-text editor (PrimeFaces TextEditor, Quill 2), made usable with a keyboard and a
 * screen reader:
 * - the editing area is a multi-line textbox named by the field's label and described by its hint
 *   (PrimeFaces puts the textbox role on the whole widget, toolbar included);
 * - Tab moves on to the next field instead of inserting a tab, so the editor is no keyboard trap;
 * - the link box has a name;
 * - bulleted lists are sent as <ul> (Quill 2 keeps every list as <ol data-list>, which the server's
 *   allow-list would turn into numbered lists).
 */
(function () {
  'use strict';

  /** The editor's HTML with real <ul> and <ol> lists and without Quill's own markup. */
  function semanticHtml(editorRoot) {
    var template = document.createElement('template');
    template.innerHTML = editorRoot.innerHTML;
    var content = template.content;
    content.querySelectorAll('.ql-ui').forEach(function (ui) {
      ui.remove();
    });
    content.querySelectorAll('ol').forEach(function (list) {
      var replacement = document.createDocumentFragment();
      var current = null;
      Array.prototype.slice.call(list.children).forEach(function (item) {
        var type = item.getAttribute('data-list') === 'bullet' ? 'UL' : 'OL';
        if (current === null || current.tagName !== type) {
          current = document.createElement(type);
          replacement.appendChild(current);
        }
        item.removeAttribute('data-list');
        current.appendChild(item);
      });
      list.replaceWith(replacement);
    });
    var html = template.innerHTML;
    return html === '<p><br></p>' ? '' : html;
  }

  function enhance(field) {
    var container = field.querySelector('.ui-texteditor');
    var widget = container && PrimeFaces.getWidgetById(container.id);
    if (!widget || !widget.editor) {
      return;
    }
    var quill = widget.editor;
    var area = quill.root;
    var label = field.querySelector('label');
    var hint = field.querySelector('.rich-text-hint');

    ['aria-required', 'aria-invalid'].forEach(function (name) {
      if (container.hasAttribute(name)) {
        area.setAttribute(name, container.getAttribute(name));
        container.removeAttribute(name);
      }
    });
    container.removeAttribute('role');
    area.setAttribute('role', 'textbox');
    area.setAttribute('aria-multiline', 'true');
    if (label) {
      area.setAttribute('aria-labelledby', label.id);
      label.addEventListener('click', function () {
        quill.focus();
      });
    }
    if (hint) {
      area.setAttribute('aria-describedby', hint.id);
    }

    delete quill.keyboard.bindings.Tab;
    delete quill.keyboard.bindings[9];

    var linkBox = quill.container.querySelector('.ql-tooltip input');
    if (linkBox) {
      linkBox.setAttribute('aria-label', 'Link address');
    }

    widget.getEditorValue = function () {
      return semanticHtml(area);
    };
    quill.on('text-change', function () {
      widget.input.val(widget.getEditorValue());
    });
    widget.input.val(widget.getEditorValue());
  }

  // Loaded at the end of the body, so that this runs after PrimeFaces has created its widgets.
  $(function () {
    document.querySelectorAll('.rich-text').forEach(enhance);
  });
})();
