import { Component, Fragment, type ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';

type LazyBoundaryProps = {
  /** What failed to load, for the message: "the list of API keys". */
  what: string;
  children: ReactNode;
};
type LazyBoundaryState = { failed: boolean; attempt: number };

/**
 * Code split off the first load can fail to arrive (a dropped connection, a deploy in between).
 * Without a boundary React would take the whole page down with it, and everything typed; here
 * that part says so and offers a retry, which mounts it afresh and fetches its code again.
 */
export class LazyBoundary extends Component<LazyBoundaryProps, LazyBoundaryState> {
  override state: LazyBoundaryState = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<LazyBoundaryState> {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) {
      return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
    }
    return (
      <Alert>
        <p>Could not load {this.props.what}. Check the connection and try again.</p>
        <Button
          onClick={() => this.setState(({ attempt }) => ({ failed: false, attempt: attempt + 1 }))}
        >
          Retry
        </Button>
      </Alert>
    );
  }
}
