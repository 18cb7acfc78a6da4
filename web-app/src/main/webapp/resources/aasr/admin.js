/*
 * The console's rich-text editor (PrimeFaces TextEditor, Quill 2), made usable with a keyboard and a
 * screen reader:
 * - the editing area is a multi-line textbox named by the field's label and described by its hint
 *   (PrimeFaces puts the textbox role on the whole widget, toolbar included);
 * - Tab moves on to the next field instead of inserting a tab, so the editor is no keyboard trap;
 * - the link box has a name;
 * - bulleted lists are sent as <ul> (Quill 2 keeps every list as <ol data-list>, which the server's
 *   allow-list would turn into numbered lists).
 *
 * It also keeps the session of someone at work alive (see keepSessionAlive).
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

  var MINUTE = 60 * 1000;
  var PING_EVERY = 5 * MINUTE;

  /**
   * While a person types or clicks, tells the server so every five minutes (POST /admin/session),
   * so that writing a long story does not end in the 30-minute idle sign-out and lose the text.
   * Someone who walks away is still signed out, after a warning in a live region; and if the
   * session has ended anyway, they are told before they press Save.
   */
  function keepSessionAlive(notice) {
    var url = PrimeFaces.settings.contextPath + '/admin/session';
    // The server's idle timeout (web.xml), less five minutes to save in.
    var warnAfter = Math.max(Number(notice.dataset.idleSeconds) * 1000 - 5 * MINUTE, MINUTE);
    var active = false;
    var lastContact = Date.now();
    var ended = false;

    // The live region stays in the page, empty, so that screen readers announce what appears in it.
    function say(text) {
      if (notice.textContent === text) {
        return;
      }
      notice.replaceChildren();
      if (text !== '') {
        var message = document.createElement('p');
        message.className = 'admin-notice';
        message.textContent = text;
        notice.appendChild(message);
      }
    }

    ['keydown', 'pointerdown', 'input'].forEach(function (type) {
      document.addEventListener(type, function () {
        active = true;
      }, true);
    });

    setInterval(function () {
      if (ended) {
        return;
      }
      var now = Date.now();
      if (active && now - lastContact >= PING_EVERY) {
        active = false;
        fetch(url, { method: 'POST', credentials: 'same-origin', redirect: 'manual' })
          .then(function (response) {
            if (response.status === 204) {
              lastContact = Date.now();
              say('');
            } else {
              ended = true;
              say('You have been signed out, so this page cannot be saved. Copy any text you want'
                + ' to keep, then sign in again in a new tab.');
            }
          })
          .catch(function () {
            // Offline for a moment: try again at the next tick.
          });
      } else if (!active && now - lastContact >= warnAfter) {
        say('You will be signed out in a few minutes because nothing has happened here for a'
          + ' while. Save your work, or press any key to stay signed in.');
      }
    }, MINUTE);
  }

  // Loaded at the end of the body, so that this runs after PrimeFaces has created its widgets.
  $(function () {
    document.querySelectorAll('.rich-text').forEach(enhance);
    var notice = document.getElementById('session-notice');
    if (notice) {
      keepSessionAlive(notice);
    }
  });
})();
