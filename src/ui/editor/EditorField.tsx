import { createContext, useContext, useId, type ReactNode } from 'react';
import type { ControlKey, ControlMessages } from './editorProblems.ts';

/** The messages of the draft (client rules first, else the server's refusal), by control. */
export const EditorMessagesContext = createContext<ControlMessages>({});

/** Props that tie a control to its label and to its message. */
export interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** The message for one control, and the props that make a screen reader read it with the control. */
export function useControlMessage(control: ControlKey): { message: string | undefined; messageId: string; props: ControlProps } {
  const message = useContext(EditorMessagesContext)[control];
  const id = useId();
  const messageId = `${id}-message`;
  return { message, messageId, props: { id, 'aria-describedby': message ? messageId : undefined, 'aria-invalid': message ? true : undefined } };
}

/** A message shown beside its control. */
export function ControlMessage({ id, message }: { id?: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="as-editor-message">
      {message}
    </p>
  );
}

export interface EditorFieldProps {
  control: ControlKey;
  label: string;
  children(props: ControlProps): ReactNode;
  /** Shown after the control (e.g. a value read-out). */
  after?: ReactNode;
}

/** One labelled control with its message underneath. */
export function EditorField({ control, label, children, after }: EditorFieldProps) {
  const { message, messageId, props } = useControlMessage(control);
  return (
    <div className="as-editor-field" data-invalid={message ? 'true' : undefined}>
      <label className="as-label" htmlFor={props.id}>
        {label}
      </label>
      <div className="as-editor-control">
        {children(props)}
        {after}
      </div>
      <ControlMessage id={messageId} message={message} />
    </div>
  );
}
