import { Component, type ReactNode } from 'react';
import i18n from '../i18n/index.ts';

/** Keeps a rendering error from blanking the whole app: shows a message and a way back. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.failed) this.setState({ failed: false });
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="alert alert-error" role="alert">
        <p>{i18n.t('common.unexpectedError')}</p>
        <p>
          <a href="/">{i18n.t('nav.home')}</a>
        </p>
      </div>
    );
  }
}
